using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class FlowDeviationRuleTests
{
    private static VolumetricFlow MlMin(double value) => VolumetricFlow.FromMillilitersPerMinute(value);

    /// <summary>A rig that has circulated on target for the 10 s settle time.</summary>
    private static InterlockRig Settled()
    {
        var rig = new InterlockRig();
        rig.RunUntil(TimeSpan.FromSeconds(10));
        return rig;
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void More_than_10_percent_off_target_for_10_s_is_a_medium_alarm_and_9_9_s_is_not()
    {
        var rig = Settled();
        rig.Frame = rig.Frame with { Flow = MlMin(1799) };

        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.IsActive("IL-FLOW-DEVIATION"), "held 9.9 s");
        rig.Step();

        var trip = rig.Trip("IL-FLOW-DEVIATION");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-011", trip.HazardId);
        Assert.Equal("flow deviation 10.05 % > 10 % (1.799 L/min vs target 2.000 L/min)", trip.Measured.ToString());
        Assert.False(rig.Last.Constrain(Running).IsConstrained);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void Exactly_10_percent_off_target_never_trips()
    {
        var rig = Settled();
        rig.Frame = rig.Frame with { Flow = MlMin(2200) };

        rig.Run(TimeSpan.FromSeconds(30));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void Flow_is_not_judged_during_the_settle_time_after_phase_or_pump_start()
    {
        var rig = new InterlockRig(f => f with { Flow = MlMin(500) });

        rig.RunUntil(TimeSpan.FromSeconds(19.9));
        Assert.False(rig.IsActive("IL-FLOW-DEVIATION"));
        rig.Step();
        Assert.True(rig.IsActive("IL-FLOW-DEVIATION"));

        rig.PumpStartedAt = rig.Now;
        rig.Step();
        Assert.False(rig.IsActive("IL-FLOW-DEVIATION"), "a pump restart re-arms the settle time");
    }

    [Fact]
    [Verifies("SRS-IL-025", "SRS-IL-041")]
    public void The_alarm_clears_when_flow_returns_or_the_pump_is_no_longer_commanded()
    {
        var rig = Settled();
        rig.Frame = rig.Frame with { Flow = MlMin(1500) };
        rig.Run(TimeSpan.FromSeconds(10));
        rig.Step();
        Assert.True(rig.IsActive("IL-FLOW-DEVIATION"));

        rig.Frame = rig.Frame with { Flow = MlMin(2000) };
        var cleared = rig.Step();
        Assert.Equal(ClearCause.ConditionCleared, Assert.Single(cleared.Cleared, c => c.Trip.RuleId == "IL-FLOW-DEVIATION").Cause);

        rig.Frame = rig.Frame with { Flow = MlMin(1500) };
        rig.Run(TimeSpan.FromSeconds(10.1));
        rig.LastCommand = Running with { PumpSpeedRpm = 0 };
        var stopped = rig.Step();
        Assert.Equal(ClearCause.NoLongerApplicable, Assert.Single(stopped.Cleared, c => c.Trip.RuleId == "IL-FLOW-DEVIATION").Cause);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void Flow_is_judged_while_draining_where_the_pump_still_runs_at_the_target()
    {
        var rig = new InterlockRig(f => f with { Flow = MlMin(1500) }, Phase.Draining);

        rig.RunUntil(TimeSpan.FromSeconds(19.9));
        Assert.False(rig.IsActive("IL-FLOW-DEVIATION"));
        rig.Step();

        Assert.True(rig.IsActive("IL-FLOW-DEVIATION"));
    }

    [Fact]
    [Verifies("SRS-IL-025", "SRS-IL-041")]
    public void The_alarm_clears_only_at_8_percent_off_target()
    {
        var rig = Settled();
        rig.Frame = rig.Frame with { Flow = MlMin(1700) };
        rig.Run(TimeSpan.FromSeconds(10.1));
        Assert.True(rig.IsActive("IL-FLOW-DEVIATION"));

        rig.Frame = rig.Frame with { Flow = MlMin(1830) };
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.IsActive("IL-FLOW-DEVIATION"), "8.5 % off: inside the 2-point clear margin");
        rig.Frame = rig.Frame with { Flow = MlMin(1840) };
        rig.Step();
        Assert.False(rig.IsActive("IL-FLOW-DEVIATION"), "8 % off");
    }
}
