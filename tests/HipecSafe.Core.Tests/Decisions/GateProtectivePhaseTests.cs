using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// GATE-PROTECTIVE-PHASE: SafeState and EmergencyStop have one command (SRS-GT-005); GATE-EMERGENCY-STOP: an
/// emergency stop also withholds the heartbeat so the board latches on its own (SRS-GT-006).
/// </summary>
public class GateProtectivePhaseTests
{
    public static TheoryData<Phase> EveryPhase() => new(Enum.GetValues<Phase>());

    [Theory]
    [MemberData(nameof(EveryPhase))]
    [Verifies("SRS-GT-005")]
    public void The_command_is_the_safe_one_exactly_in_safe_state_and_emergency_stop(Phase phase)
    {
        var protective = phase is Phase.SafeState or Phase.EmergencyStop;
        var rig = new GateRig();
        rig.Context = rig.Context with { Phase = phase };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(protective ? ActuatorCommand.Safe : Running, verdict.Command);
        Assert.Equal(protective ? GateRig.SafeCommandBy("GATE-PROTECTIVE-PHASE", "HAZ-009") : [], rig.ReasonsBy("GATE-PROTECTIVE-PHASE"));
    }

    [Theory]
    [MemberData(nameof(EveryPhase))]
    [Verifies("SRS-GT-006")]
    public void The_heartbeat_is_withheld_exactly_in_emergency_stop(Phase phase)
    {
        var rig = new GateRig();
        rig.Context = rig.Context with { Phase = phase };

        var verdict = rig.Decide(ActuatorCommand.Safe).Verdict;

        Assert.Equal(phase != Phase.EmergencyStop, verdict.HeartbeatPermitted);
    }

    [Fact]
    [Verifies("SRS-GT-005", "SRS-GT-007")]
    public void A_silent_control_lane_leaves_the_gate_in_the_protective_phase_it_last_heard_of()
    {
        var rig = new GateRig();
        rig.Context = rig.Context with { Phase = Phase.SafeState };
        rig.Decide(ActuatorCommand.Safe);

        var verdict = rig.DecideWithoutDesired().Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-PROTECTIVE-PHASE", "HAZ-009"), rig.ReasonsBy("GATE-PROTECTIVE-PHASE"));
        Assert.Equal(Phase.SafeState, rig.State.Context.Phase);
    }
}
