using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class OverTemperatureRuleTests
{
    [Fact]
    [Verifies("SRS-IL-007")]
    public void Inflow_at_45_C_on_the_higher_probe_trips_safe_state_and_44_99_does_not()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(44.9), InflowB = T(44.99) });
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(rig.Last.Active, t => t.RuleId == "IL-INFLOW-HIGH");

        rig.Frame = rig.Frame with { InflowB = T(45.0) };
        rig.Step();

        var trip = rig.Trip("IL-INFLOW-HIGH");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-002", trip.HazardId);
        Assert.Equal("SRS-IL-007", trip.RequirementId);
        Assert.Equal("inflow (higher of A/B) 45 °C ≥ 45 °C (inflow probe B)", trip.Measured.ToString());
        Assert.Equal(InterlockResponse.SafeState | InterlockResponse.PumpStop, trip.Response);
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-007")]
    public void An_inflow_trip_is_latched_and_reset_only_once_below_the_limit()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(45.0), InflowB = T(45.0) });
        Assert.True(rig.IsActive("IL-INFLOW-HIGH"));

        var refused = rig.Reset("IL-INFLOW-HIGH");
        rig.Frame = rig.Frame with { InflowA = T(44.8), InflowB = T(44.8) };
        rig.Step();
        var latched = rig.IsActive("IL-INFLOW-HIGH");
        var accepted = rig.Reset("IL-INFLOW-HIGH");

        Assert.False(refused.Succeeded);
        Assert.Equal("IL-INFLOW-HIGH condition still present: inflow (higher of A/B) 45 °C ≥ 45 °C (inflow probe A)", refused.Reason);
        Assert.True(latched);
        Assert.True(accepted.Succeeded);
    }

    [Theory]
    [Verifies("SRS-IL-008")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_abdominal_probe_at_43_5_C_trips_safe_state_and_43_49_does_not(int probe)
    {
        var rig = new InterlockRig(f => f with { Abdomen1 = T(43.49), Abdomen2 = T(43.49), Abdomen3 = T(43.49), Abdomen4 = T(43.49) });
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.False(rig.IsActive("IL-ABDOMEN-HIGH"));
        Assert.Equal(["IL-ABDOMEN-WARNING"], rig.Last.Active.Select(t => t.RuleId));

        rig.Frame = probe switch
        {
            0 => rig.Frame with { Abdomen1 = T(43.5) },
            1 => rig.Frame with { Abdomen2 = T(43.5) },
            2 => rig.Frame with { Abdomen3 = T(43.5) },
            _ => rig.Frame with { Abdomen4 = T(43.5) },
        };
        rig.Step();

        var trip = rig.Trip("IL-ABDOMEN-HIGH");
        Assert.Equal("HAZ-001", trip.HazardId);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal($"hottest abdominal probe 43.5 °C ≥ 43.5 °C (abdominal probe {probe + 1})", trip.Measured.ToString());
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-008")]
    public void An_abdominal_trip_is_latched_until_reset_below_the_limit()
    {
        var rig = new InterlockRig(f => f with { Abdomen3 = T(43.6) });
        rig.Frame = rig.Frame with { Abdomen3 = T(43.4) };
        rig.Step();

        Assert.True(rig.IsActive("IL-ABDOMEN-HIGH"));
        Assert.True(rig.Trip("IL-ABDOMEN-HIGH").AwaitingReset);
        Assert.True(rig.Reset("IL-ABDOMEN-HIGH").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-009")]
    public void Core_at_40_C_switches_the_heater_off_but_keeps_circulating_and_39_99_does_not()
    {
        var rig = new InterlockRig(f => f with { Core = T(39.99) });
        Assert.False(rig.IsActive("IL-CORE-HIGH"));

        rig.Frame = rig.Frame with { Core = T(40.0) };
        rig.Step();

        var trip = rig.Trip("IL-CORE-HIGH");
        Assert.Equal("HAZ-003", trip.HazardId);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(InterlockResponse.HeaterOff, trip.Response);
        Assert.False(rig.Last.RequiresSafeState);
        Assert.Equal(Running.WithHeaterOff(), rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-009")]
    public void A_core_trip_is_latched_so_heating_does_not_resume_by_itself()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.1) });
        rig.Frame = rig.Frame with { Core = T(39.8) };
        rig.Run(TimeSpan.FromSeconds(2));

        Assert.True(rig.IsActive("IL-CORE-HIGH"));
        Assert.Equal(0, rig.Constrained().HeaterPowerPermille);
        Assert.True(rig.Reset("IL-CORE-HIGH").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-010")]
    public void Core_at_39_5_C_is_a_medium_alarm_only_and_clears_by_itself_below_39_3_C()
    {
        var rig = new InterlockRig(f => f with { Core = T(39.49) });
        Assert.Empty(rig.Last.Active);

        rig.Frame = rig.Frame with { Core = T(39.5) };
        var raised = rig.Step();
        rig.Frame = rig.Frame with { Core = T(39.3) };
        var held = rig.Step();
        rig.Frame = rig.Frame with { Core = T(39.29) };
        var cleared = rig.Step();

        var trip = Assert.Single(raised.Raised);
        Assert.Equal("IL-CORE-WARNING", trip.RuleId);
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal(InterlockResponse.None, trip.Response);
        Assert.False(raised.Constrain(Running).IsConstrained);
        Assert.Equal("IL-CORE-WARNING", Assert.Single(held.Active).RuleId);
        Assert.Empty(held.Cleared);
        Assert.Empty(cleared.Active);
        Assert.Equal(ClearCause.ConditionCleared, Assert.Single(cleared.Cleared).Cause);
    }

    [Fact]
    [Verifies("SRS-IL-010", "SRS-IL-041")]
    public void A_core_sitting_at_39_5_C_with_reading_noise_raises_the_warning_once()
    {
        // ±0.1 °C readings of a core at 39.5 °C: without the 0.2 K clear margin each dip below 39.5 cleared the alarm (OI-21).
        var rig = new InterlockRig(f => f with { Core = T(39.45) });
        var raised = 0;
        var cleared = 0;
        for (var i = 0; i < 300; i++)
        {
            rig.Frame = rig.Frame with { Core = T(i % 2 == 0 ? 39.6 : 39.4) };
            var evaluation = rig.Step();
            raised += evaluation.Raised.Count(t => t.RuleId == "IL-CORE-WARNING");
            cleared += evaluation.Cleared.Count(t => t.Trip.RuleId == "IL-CORE-WARNING");
        }

        Assert.Equal(1, raised);
        Assert.Equal(0, cleared);
    }

    [Fact]
    [Verifies("SRS-IL-044")]
    public void A_fast_moving_but_possible_inflow_reading_above_the_limit_is_believed()
    {
        var rig = new InterlockRig();

        rig.Frame = rig.Frame with { InflowA = T(45.5) };
        rig.Step();

        Assert.True(rig.Last.Sensors.FaultsOf(SensorChannel.InflowA).HasFlag(ChannelFaults.RateOfChange));
        var trip = rig.Trip("IL-INFLOW-HIGH");
        Assert.Contains("suspect", trip.Measured.Detail, StringComparison.Ordinal);
        Assert.Equal(0, rig.Constrained().HeaterPowerPermille);
    }

    [Fact]
    [Verifies("SRS-IL-044")]
    public void A_stale_abdominal_reading_above_the_limit_is_believed()
    {
        var rig = new InterlockRig(f => f with { Abdomen2 = T(43.45) });
        rig.Frame = rig.Frame with { Abdomen2 = T(43.55) };

        rig.Step(Ms(400), counterAdvances: false);

        Assert.True(rig.IsActive("IL-ABDOMEN-HIGH"));
    }

    [Fact]
    [Verifies("SRS-IL-044", "SRS-IL-030")]
    public void A_reading_outside_the_physical_range_is_a_probe_fault_not_an_over_temperature()
    {
        var rig = new InterlockRig();

        rig.Frame = rig.Frame with { InflowA = T(75.0) };
        rig.Run(Ms(300));

        Assert.False(rig.IsActive("IL-INFLOW-HIGH"));
        Assert.True(rig.IsActive("IL-INFLOW-PROBE-FAULT"));
        Assert.Equal(SensorChannel.InflowB, rig.Last.Inflow.Channel);
    }
}
