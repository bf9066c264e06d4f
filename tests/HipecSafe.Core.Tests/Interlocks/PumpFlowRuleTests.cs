using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// The flow meter against the roller pump's delivery, pump_speed_actual × the profile's tubing displacement (default
/// 40 mL/rev): IL-FLOW-PUMP-MISMATCH and IL-FLOW-METER-HIGH; and a degraded pump in Washout and Draining.
/// </summary>
public class PumpFlowRuleTests
{
    private const string Mismatch = "IL-FLOW-PUMP-MISMATCH";
    private const string MeterHigh = "IL-FLOW-METER-HIGH";
    private const string Deviation = "IL-FLOW-DEVIATION";
    private const double MlPerRev = 40;

    /// <summary>Target 2 L/min; the pump turns at <paramref name="pumpRpm"/> and the meter reads <paramref name="meteredMlMin"/>.</summary>
    private static InterlockRig Pumping(double pumpRpm, double meteredMlMin, Phase phase = Phase.ChemoPerfusion)
    {
        var rig = new InterlockRig(f => f with { Flow = VolumetricFlow.FromMillilitersPerMinute(meteredMlMin) }, phase);
        rig.Feedback = NominalFeedback() with { PumpSpeedActualRpm = pumpRpm };
        return rig;
    }

    [Fact]
    [Verifies("SRS-IL-051")]
    [Verifies("SRS-IL-050")]
    public void A_meter_reading_40_percent_high_while_the_real_flow_is_25_percent_below_target_switches_the_heater_off()
    {
        // Real flow 0.75 × 2000 = 1500 mL/min = 37.5 rpm × 40 mL/rev; the meter reads 1.4 × 1500 = 2100 mL/min, only 5 %
        // above the target, so the flow deviation alarm sees nothing.
        var rig = Pumping(1500 / MlPerRev, 1.4 * 1500);

        rig.RunUntil(TimeSpan.FromSeconds(19.9));
        Assert.False(rig.IsActive(MeterHigh), "armed 10 s after the phase start, then 10 s persistence");
        rig.Step();

        var trip = rig.Trip(MeterHigh);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-011", trip.HazardId);
        Assert.Equal(40.0, trip.Measured.Value, 1);
        Assert.False(rig.Constrained().HeaterEnabled);
        Assert.True(rig.Constrained().PumpSpeedRpm > 0, "circulation goes on");
        Assert.True(rig.IsActive(Mismatch));
        Assert.False(rig.IsActive(Deviation));
    }

    [Fact]
    [Verifies("SRS-IL-051")]
    public void The_trip_names_the_metered_flow_and_the_pump_delivery_it_was_compared_with()
    {
        // 37.5 rpm × 40 mL/rev = 1.500 L/min delivered; the meter reads 2.100 L/min.
        var rig = Pumping(1500 / MlPerRev, 2100);

        rig.Run(TimeSpan.FromSeconds(21));

        Assert.Equal("2.100 L/min metered, 1.500 L/min = 37.5 rpm × 40 mL/rev", rig.Trip(MeterHigh).Measured.Detail);
    }

    [Theory]
    [Verifies("SRS-IL-051")]
    [InlineData(2000, false)]
    [InlineData(2002, true)]
    public void The_meter_high_limit_is_25_percent_above_the_delivery(double metered, bool trips)
    {
        // 40 rpm × 40 mL/rev = 1600 mL/min; +25 % = 2000 mL/min.
        var rig = Pumping(40, metered);

        rig.Run(TimeSpan.FromSeconds(30));

        Assert.Equal(trips, rig.IsActive(MeterHigh));
        Assert.True(rig.IsActive(Mismatch), "25 % is beyond the 15 % mismatch limit");
    }

    [Fact]
    [Verifies("SRS-IL-051")]
    public void The_meter_high_trip_is_latched()
    {
        var rig = Pumping(1500 / MlPerRev, 2100);
        rig.Run(TimeSpan.FromSeconds(21));
        Assert.True(rig.IsActive(MeterHigh));

        rig.Feedback = NominalFeedback();
        rig.Frame = rig.Frame with { Flow = VolumetricFlow.FromMillilitersPerMinute(2000) };
        rig.Run(TimeSpan.FromSeconds(5));

        Assert.True(rig.IsActive(MeterHigh));
        Assert.False(rig.IsActive(Mismatch), "the medium alarm follows its condition");
    }

    [Theory]
    [Verifies("SRS-IL-050")]
    [InlineData(2300, false)]
    [InlineData(2310, true)]
    [InlineData(1700, false)]
    [InlineData(1690, true)]
    public void The_mismatch_limit_is_15_percent_of_the_delivery_both_ways(double metered, bool trips)
    {
        var rig = Pumping(50, metered);

        rig.Run(TimeSpan.FromSeconds(30));

        Assert.Equal(trips, rig.IsActive(Mismatch));
        if (trips)
        {
            Assert.Equal(AlarmPriority.Medium, rig.Trip(Mismatch).Priority);
            Assert.Equal(InterlockResponse.None, rig.Trip(Mismatch).Response);
        }
    }

    [Fact]
    [Verifies("SRS-IL-050")]
    [Verifies("SRS-IL-049")]
    public void The_mismatch_clears_at_13_percent_not_at_15()
    {
        var rig = Pumping(50, 2400);
        rig.Run(TimeSpan.FromSeconds(21));
        Assert.True(rig.IsActive(Mismatch));

        rig.Frame = rig.Frame with { Flow = VolumetricFlow.FromMillilitersPerMinute(2280) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive(Mismatch), "14 % is inside the limit but not past the clear margin");

        rig.Frame = rig.Frame with { Flow = VolumetricFlow.FromMillilitersPerMinute(2250) };
        rig.Step();
        Assert.False(rig.IsActive(Mismatch));
    }

    [Theory]
    [Verifies("SRS-IL-050")]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Paused)]
    public void Outside_the_pumping_phases_or_in_the_settle_time_nothing_is_judged(Phase phase)
    {
        var rig = Pumping(50, 3000, phase);
        rig.Run(TimeSpan.FromSeconds(30));
        Assert.False(rig.IsActive(Mismatch));

        var settling = Pumping(50, 3000);
        settling.RunUntil(TimeSpan.FromSeconds(19.9));
        Assert.False(settling.IsActive(Mismatch), "10 s settle + 10 s persistence");
    }

    [Theory]
    [Verifies("SRS-IL-025")]
    [Verifies("SRS-IL-050")]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    public void A_pump_degraded_to_three_quarters_is_detected_in_Washout_and_Draining(Phase phase)
    {
        // Turning at 0.75 of the held 50 rpm: the meter (right) shows 1500 mL/min, 25 % below the 2 L/min target.
        var slow = Pumping(37.5, 1500, phase);
        slow.Run(TimeSpan.FromSeconds(21));
        Assert.True(slow.IsActive(Deviation));
        Assert.False(slow.IsActive(Mismatch), "meter and pump agree");

        // Turning at speed but delivering 0.75 per revolution (worn tubing): deviation and mismatch.
        var worn = Pumping(50, 1500, phase);
        worn.Run(TimeSpan.FromSeconds(21));
        Assert.True(worn.IsActive(Deviation));
        Assert.True(worn.IsActive(Mismatch));
    }
}
