using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// A cycle already decided whose write a component crash lost is written again with GATE-COMPONENT-CRASHED applied
/// (SRS-GT-003: the cycle the crash interrupted ends safe): the safe command, no board latch release, the crash latched
/// once, and the verdict's other facts (cycle, heartbeat, trips) as decided.
/// </summary>
public class GateHoldSafeTests
{
    private static readonly ComponentCrashed BusCrashed = new("bus", "IOException", "write cycle 7");

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_lost_write_is_rewritten_as_the_safe_command_without_a_latch_release()
    {
        var rig = new GateRig();
        var decided = rig.Decide(Running with { HeaterEnabled = false, HeaterPowerPermille = 0 }, release: true).Verdict;
        Assert.True(decided.ReleaseBoardLatch); // heater off, nothing latched: the release went with the decision

        var held = SafetyGate.HoldSafe(decided, BusCrashed);

        Assert.Equal(ActuatorCommand.Safe, held.Command);
        Assert.False(held.ReleaseBoardLatch);
        Assert.Equal(decided.Cycle, held.Cycle);
        Assert.Equal(decided.HeartbeatPermitted, held.HeartbeatPermitted);
        Assert.Equal(decided.ActiveTrips, held.ActiveTrips);
        Assert.Equal(GateRig.SafeCommandBy("GATE-COMPONENT-CRASHED", "HAZ-009"),
            held.Reasons.Where(r => r.RuleId == "GATE-COMPONENT-CRASHED").ToList());
        var cause = Assert.Single(held.Crashes);
        Assert.Equal(SafetyCause.ComponentCrashed("bus", "IOException"), cause);
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void The_reasons_already_decided_are_kept_before_the_crash_rule()
    {
        var rig = new GateRig();
        var decided = rig.DecideWithoutDesired().Verdict; // GATE-CONTROL-LATE: heater off
        Assert.NotEmpty(decided.Reasons);

        var held = SafetyGate.HoldSafe(decided, BusCrashed);

        Assert.Equal(decided.Reasons.Concat(GateRig.SafeCommandBy("GATE-COMPONENT-CRASHED", "HAZ-009")), held.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-003")]
    public void A_crash_of_a_component_already_latched_is_latched_once()
    {
        var rig = new GateRig();
        var decided = rig.Decide(Running, crashes: BusCrashed).Verdict;
        Assert.Single(decided.Crashes);

        var held = SafetyGate.HoldSafe(decided, BusCrashed with { Exception = "TimeoutException" });

        Assert.Equal(decided.Crashes, held.Crashes);
        Assert.Equal(ActuatorCommand.Safe, held.Command);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var decided = new GateRig().Verdict;

        Assert.Equal("decided", Assert.Throws<ArgumentNullException>(() => SafetyGate.HoldSafe(null!, BusCrashed)).ParamName);
        Assert.Equal("crash", Assert.Throws<ArgumentNullException>(() => SafetyGate.HoldSafe(decided, null!)).ParamName);
    }
}
