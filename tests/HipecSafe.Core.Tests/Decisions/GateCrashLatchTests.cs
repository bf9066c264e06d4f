using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-COMPONENT-CRASHED: a crash holds the command safe from the gate's next decision until an operator reset (SRS-GT-003).</summary>
public class GateCrashLatchTests
{
    private static readonly ComponentCrashed AlarmsCrashed = new("alarms", "NullReferenceException", "tick 41");

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_crash_makes_the_next_decision_safe_and_stays_latched_over_later_cycles()
    {
        var rig = new GateRig();

        var first = rig.Decide(Running, crashes: AlarmsCrashed).Verdict;
        Assert.Equal(ActuatorCommand.Safe, first.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-COMPONENT-CRASHED", "HAZ-009"), rig.ReasonsBy("GATE-COMPONENT-CRASHED"));
        var cause = Assert.Single(first.Crashes);
        Assert.Equal(SafetyCauseKind.ComponentCrashed, cause.Kind);
        Assert.Equal("alarms", cause.Source);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ActuatorCommand.Safe, rig.Decide(Running).Verdict.Command);
        }

        Assert.Single(rig.Verdict.Crashes);
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_reset_request_clears_the_latched_crash()
    {
        var rig = new GateRig();
        rig.Decide(Running, crashes: AlarmsCrashed);
        rig.Decide(Running);

        var verdict = rig.Decide(Running, reset: true).Verdict;

        Assert.Equal(Running, verdict.Command);
        Assert.Empty(verdict.Crashes);
        Assert.Empty(rig.ReasonsBy("GATE-COMPONENT-CRASHED"));
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_crash_reported_in_the_same_cycle_as_a_reset_stays_latched()
    {
        var rig = new GateRig();

        Assert.Equal(ActuatorCommand.Safe, rig.Decide(Running, reset: true, crashes: AlarmsCrashed).Verdict.Command);
        Assert.Equal(ActuatorCommand.Safe, rig.Decide(Running).Verdict.Command);
        Assert.Single(rig.Verdict.Crashes);
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_reset_request_in_a_desired_command_for_another_cycle_does_not_clear_the_crash()
    {
        var rig = new GateRig();
        rig.Decide(Running, crashes: AlarmsCrashed);
        var stale = rig.Desired(Running, reset: true) with { Cycle = rig.Cycle };

        Assert.Equal(ActuatorCommand.Safe, rig.DecideWith(stale).Verdict.Command);
        Assert.Single(rig.Verdict.Crashes);
    }

    [Fact]
    [Verifies("SRS-GT-003", "SRS-GT-007")]
    public void A_crash_latches_also_when_the_control_lane_is_silent()
    {
        var rig = new GateRig();

        Assert.Equal(ActuatorCommand.Safe, rig.DecideWithoutDesired(AlarmsCrashed).Verdict.Command);
        Assert.Equal(ActuatorCommand.Safe, rig.Decide(Running).Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_crash_is_latched_once_per_component()
    {
        var rig = new GateRig();
        rig.Decide(Running, crashes: AlarmsCrashed);
        rig.Decide(Running, crashes: AlarmsCrashed with { Exception = "InvalidOperationException" });
        rig.Decide(Running, crashes: new ComponentCrashed("hazardlog", "IOException", null));

        Assert.Equal(["alarms", "hazardlog"], rig.Verdict.Crashes.Select(c => c.Source));
    }
}
