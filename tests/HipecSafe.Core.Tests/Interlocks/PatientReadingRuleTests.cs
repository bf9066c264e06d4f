using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// The patient-side readings: outflow probe faults, intra-abdominal pressure, the abdominal probes' spread and warning
/// level, the core probe's plausibility and the air detector's check in priming.
/// </summary>
public class PatientReadingRuleTests
{
    private static Pressure MmHg(double value) => Pressure.FromMillimetersOfMercury(value);

    [Fact]
    [Verifies("SRS-IL-060")]
    public void An_outflow_dropout_is_a_medium_alarm_after_200_ms_ending_2_s_after_the_probe_is_back()
    {
        var rig = new InterlockRig(phase: Phase.Heating);
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Outflow) };

        rig.Run(Ms(200));
        Assert.False(rig.IsActive("IL-OUTFLOW-PROBE-FAULT"), "condition from 0.1 s, 0.1 s held");
        rig.Step();
        var trip = rig.Trip("IL-OUTFLOW-PROBE-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-008", trip.HazardId);

        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Run(TimeSpan.FromSeconds(1.9));
        Assert.True(rig.IsActive("IL-OUTFLOW-PROBE-FAULT"));
        rig.Run(TimeSpan.FromSeconds(0.2));
        Assert.False(rig.IsActive("IL-OUTFLOW-PROBE-FAULT"));
    }

    [Fact]
    [Verifies("SRS-IL-060")]
    public void An_outflow_spike_to_55_C_is_a_fault_and_no_probe_fault_is_raised_before_priming()
    {
        var rig = new InterlockRig(phase: Phase.ChemoPerfusion);
        rig.Frame = rig.Frame with { Outflow = T(55.0) };
        rig.Run(Ms(400));
        Assert.True(rig.IsActive("IL-OUTFLOW-PROBE-FAULT"), "41.5 → 55 °C in 100 ms is faster than fluid can move");

        var standby = new InterlockRig(phase: Phase.Standby);
        standby.Frame = standby.Frame with { ChannelFaultBits = Bit(SensorChannel.Outflow) };
        standby.Run(TimeSpan.FromSeconds(2));
        Assert.False(standby.IsActive("IL-OUTFLOW-PROBE-FAULT"));
    }

    [Theory]
    [Verifies("SRS-IL-061")]
    [InlineData(20.0, false)]
    [InlineData(20.1, true)]
    public void Abdominal_pressure_above_20_mmHg_for_5_s_stops_the_pump_latched(double mmHg, bool trips)
    {
        var rig = new InterlockRig(f => f with { AbdominalPressure = MmHg(mmHg) }, Phase.ChemoPerfusion);

        rig.RunUntil(TimeSpan.FromSeconds(4.9));
        Assert.False(rig.IsActive("IL-ABDOMEN-PRESSURE-HIGH"), "condition from 0 s, 4.9 s held");
        rig.RunUntil(TimeSpan.FromSeconds(6));

        Assert.Equal(trips, rig.IsActive("IL-ABDOMEN-PRESSURE-HIGH"));
        if (trips)
        {
            var trip = rig.Trip("IL-ABDOMEN-PRESSURE-HIGH");
            Assert.Equal("HAZ-013", trip.HazardId);
            Assert.Equal(TimeSpan.FromSeconds(5), trip.RaisedAt);
            Assert.Equal(0, rig.Constrained().PumpSpeedRpm);
            Assert.False(rig.Constrained().HeaterEnabled);

            rig.Frame = rig.Frame with { AbdominalPressure = MmHg(10) };
            rig.Run(TimeSpan.FromSeconds(5));
            Assert.True(rig.IsActive("IL-ABDOMEN-PRESSURE-HIGH"), "latched");
        }
    }

    [Fact]
    [Verifies("SRS-IL-061")]
    [Verifies("SRS-IL-062")]
    public void Abdominal_pressure_is_judged_only_with_the_patient_connected_and_a_broken_channel_is_a_medium_alarm()
    {
        var standby = new InterlockRig(f => f with { AbdominalPressure = MmHg(30) }, Phase.Standby);
        standby.Run(TimeSpan.FromSeconds(10));
        Assert.False(standby.IsActive("IL-ABDOMEN-PRESSURE-HIGH"));

        var rig = new InterlockRig(phase: Phase.ChemoPerfusion);
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.AbdominalPressure) };
        rig.Run(Ms(300));
        var trip = rig.Trip("IL-ABDOMEN-PRESSURE-SENSOR-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-013", trip.HazardId);
        Assert.False(rig.IsActive("IL-ABDOMEN-PRESSURE-HIGH"));
    }

    [Theory]
    [Verifies("SRS-IL-065")]
    [InlineData(40.5, false)]
    [InlineData(40.4, true)]
    public void A_probe_more_than_1_5_K_below_the_median_for_60_s_is_a_medium_alarm(double pocketed, bool alarms)
    {
        var rig = new InterlockRig(f => f with { Abdomen4 = T(pocketed) }, Phase.ChemoPerfusion);

        rig.RunUntil(TimeSpan.FromSeconds(59.9));
        Assert.False(rig.IsActive("IL-ABDOMEN-SPREAD"));
        rig.Step();

        Assert.Equal(alarms, rig.IsActive("IL-ABDOMEN-SPREAD"));
        if (alarms)
        {
            Assert.Equal(AlarmPriority.Medium, rig.Trip("IL-ABDOMEN-SPREAD").Priority);
            Assert.Equal(InterlockResponse.None, rig.Trip("IL-ABDOMEN-SPREAD").Response);
        }
    }

    [Fact]
    [Verifies("SRS-IL-065")]
    [Verifies("SRS-IL-049")]
    public void The_spread_alarm_clears_at_1_3_K_and_is_silent_before_priming()
    {
        var rig = new InterlockRig(f => f with { Abdomen4 = T(40.0) }, Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive("IL-ABDOMEN-SPREAD"));

        foreach (var step in new[] { 40.2, 40.4, 40.6 })
        {
            rig.Frame = rig.Frame with { Abdomen4 = T(step) };
            rig.Step();
        }

        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive("IL-ABDOMEN-SPREAD"), "1.4 K: inside the limit, not past the margin");
        rig.Frame = rig.Frame with { Abdomen4 = T(40.8) };
        rig.Step();
        Assert.False(rig.IsActive("IL-ABDOMEN-SPREAD"));

        var standby = new InterlockRig(f => f with { Abdomen4 = T(30.0) }, Phase.Standby);
        standby.Run(TimeSpan.FromSeconds(70));
        Assert.False(standby.IsActive("IL-ABDOMEN-SPREAD"));
    }

    [Theory]
    [Verifies("SRS-IL-066")]
    [InlineData(42.99, false)]
    [InlineData(43.0, true)]
    public void The_hottest_abdominal_probe_at_band_high_is_a_medium_alarm_before_the_43_5_trip(double hottest, bool alarms)
    {
        var rig = new InterlockRig(f => f with { Abdomen2 = T(hottest) }, Phase.ChemoPerfusion);

        rig.Step();

        Assert.Equal(alarms, rig.IsActive("IL-ABDOMEN-WARNING"));
        Assert.False(rig.IsActive("IL-ABDOMEN-HIGH"));
        if (alarms)
        {
            var trip = rig.Trip("IL-ABDOMEN-WARNING");
            Assert.Equal(AlarmPriority.Medium, trip.Priority);
            Assert.Equal("HAZ-001", trip.HazardId);
            Assert.Equal(InterlockResponse.None, trip.Response);
        }
    }

    [Fact]
    [Verifies("SRS-IL-066")]
    [Verifies("SRS-IL-049")]
    public void The_warning_clears_below_42_8_C()
    {
        var rig = new InterlockRig(f => f with { Abdomen2 = T(43.1) }, Phase.ChemoPerfusion);
        rig.Step();
        Assert.True(rig.IsActive("IL-ABDOMEN-WARNING"));

        rig.Frame = rig.Frame with { Abdomen2 = T(42.85) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive("IL-ABDOMEN-WARNING"));

        rig.Frame = rig.Frame with { Abdomen2 = T(42.75) };
        rig.Step();
        Assert.False(rig.IsActive("IL-ABDOMEN-WARNING"));
    }

    [Theory]
    [Verifies("SRS-IL-063")]
    [InlineData(33.0, false)]
    [InlineData(32.9, true)]
    [InlineData(42.0, false)]
    [InlineData(42.1, true)]
    public void A_core_reading_outside_33_to_42_C_for_10_s_is_implausible(double core, bool alarms)
    {
        var rig = new InterlockRig(f => f with { Core = T(core) }, Phase.ChemoPerfusion);

        rig.RunUntil(TimeSpan.FromSeconds(9.9));
        Assert.False(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));
        rig.RunUntil(TimeSpan.FromSeconds(11));

        Assert.Equal(alarms, rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));
        if (alarms)
        {
            Assert.Equal("HAZ-003", rig.Trip("IL-CORE-PROBE-IMPLAUSIBLE").HazardId);
            Assert.Equal(AlarmPriority.Medium, rig.Trip("IL-CORE-PROBE-IMPLAUSIBLE").Priority);
        }
    }

    [Fact]
    [Verifies("SRS-IL-063")]
    [Verifies("SRS-IL-049")]
    public void An_implausibly_low_core_clears_0_2_K_inside_the_range_and_is_not_judged_before_priming()
    {
        var rig = new InterlockRig(f => f with { Core = T(32.5) }, Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromSeconds(11));
        Assert.True(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));

        rig.Frame = rig.Frame with { Core = T(33.1) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));
        rig.Frame = rig.Frame with { Core = T(33.25) };
        rig.Step();
        Assert.False(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));

        var standby = new InterlockRig(f => f with { Core = T(22.0) }, Phase.Standby);
        standby.Run(TimeSpan.FromSeconds(20));
        Assert.False(standby.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));
    }

    [Fact]
    [Verifies("SRS-IL-063")]
    public void A_core_that_rises_1_5_K_in_a_minute_is_a_probe_moving_not_the_patient()
    {
        var rig = new InterlockRig(phase: Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromSeconds(70));
        Assert.False(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));

        // 0.025 K per second for 60 s: within the validator's rate limit, far beyond a body's ≈ 0.1 K/min.
        var raisedAt = (TimeSpan?)null;
        for (var i = 0; i < 600; i++)
        {
            rig.Frame = rig.Frame with { Core = T(37.5 + 0.0025 * (i + 1)) };
            rig.Step();
            raisedAt ??= rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE") ? rig.Now : null;
        }

        // The reading 1–2 min before is the 37.5 °C of the window opened at 60 s. At the readings' 0.01 K resolution the
        // core is first more than 1.0 K above it (38.51 °C) at 110.2 s; raised 10 s later.
        Assert.Equal(TimeSpan.FromSeconds(120.2), raisedAt);
    }

    [Fact]
    [Verifies("SRS-IL-063")]
    public void A_core_frozen_for_60_samples_10_s_apart_is_implausible_and_the_next_change_clears_it()
    {
        // Samples 10 s apart from t = 0: the 60th identical one is taken at 590 s, then 10 s of persistence.
        var rig = new InterlockRig(phase: Phase.ChemoPerfusion);
        rig.RunUntil(TimeSpan.FromSeconds(599.8));
        Assert.False(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"), "60 identical samples held for less than 10 s");

        rig.RunUntil(TimeSpan.FromSeconds(600.3));
        Assert.True(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));

        rig.Frame = rig.Frame with { Core = T(37.51) };
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.IsActive("IL-CORE-PROBE-IMPLAUSIBLE"));
    }

    [Fact]
    [Verifies("SRS-IL-064")]
    public void A_detector_that_reports_no_air_in_20_s_of_priming_is_a_medium_alarm_that_stays_after_priming()
    {
        var rig = new InterlockRig(phase: Phase.Priming);

        rig.RunUntil(TimeSpan.FromSeconds(19.9));
        Assert.False(rig.IsActive("IL-AIR-DETECTOR-UNTESTED"));
        rig.Step();
        var trip = rig.Trip("IL-AIR-DETECTOR-UNTESTED");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-005", trip.HazardId);

        rig.Phase = Phase.Heating;
        rig.PhaseStartedAt = rig.Now;
        rig.Run(TimeSpan.FromSeconds(30));
        Assert.True(rig.IsActive("IL-AIR-DETECTOR-UNTESTED"));
    }

    [Fact]
    [Verifies("SRS-IL-064")]
    public void A_detector_that_sees_the_priming_air_passes_its_check()
    {
        var rig = new InterlockRig(phase: Phase.Priming);
        rig.Run(TimeSpan.FromSeconds(5));
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Run(TimeSpan.FromSeconds(2));
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Run(TimeSpan.FromSeconds(30));
        Assert.False(rig.IsActive("IL-AIR-DETECTOR-UNTESTED"));

        rig.Phase = Phase.Heating;
        rig.PhaseStartedAt = rig.Now;
        rig.Run(TimeSpan.FromSeconds(30));
        Assert.False(rig.IsActive("IL-AIR-DETECTOR-UNTESTED"));
        Assert.False(rig.IsActive("IL-AIR"));
    }

    [Fact]
    [Verifies("SRS-IL-064")]
    public void Before_priming_the_detector_is_not_expected_to_have_seen_air()
    {
        var rig = new InterlockRig(phase: Phase.Standby);
        rig.Run(TimeSpan.FromSeconds(60));
        Assert.False(rig.IsActive("IL-AIR-DETECTOR-UNTESTED"));
    }
}
