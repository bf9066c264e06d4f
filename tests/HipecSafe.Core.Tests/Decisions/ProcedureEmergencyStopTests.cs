using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The emergency stop is accepted everywhere but in itself (SRS-PH-016), holds the safe command, and its release leads
/// to SafeState, not back into treatment (SRS-PH-017); the reset after it asks for the board's latch release, since the
/// gate withheld the heartbeat during the stop (SRS-GT-006).
/// </summary>
public class ProcedureEmergencyStopTests
{
    public static TheoryData<Phase> Reachable() =>
        new([Phase.PowerOnSelfTest, Phase.Standby, Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion,
            Phase.Washout, Phase.Draining, Phase.Complete]);

    [Theory]
    [MemberData(nameof(Reachable))]
    [Verifies("SRS-PH-016", "SRS-RT-004")]
    public void The_stop_is_accepted_in_every_phase_and_holds_the_safe_command_with_a_latched_alarm(Phase phase)
    {
        var rig = new ProcedureRig().DriveTo(phase);

        var outcome = rig.Next(OperatorAction.EmergencyStop);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.Equal(Phase.EmergencyStop, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
        Assert.Contains(outcome.Desired.Report.Conditions, c => c.ConditionId == "SAFE-STATE" && c.Latching);
        Assert.Contains(outcome.Records, r => r is { Priority: LogPriority.High, Entry: PhaseTransitionEntry { To: Phase.EmergencyStop, RequirementId: "SRS-PH-016" } });
    }

    [Fact]
    [Verifies("SRS-PH-016")]
    public void The_stop_is_accepted_in_paused_and_in_safe_state()
    {
        var paused = new ProcedureRig().DriveTo(Phase.Heating);
        paused.Next(OperatorAction.Pause);
        Assert.True(Assert.Single(paused.Next(OperatorAction.EmergencyStop).Replies).Accepted);

        var safe = new ProcedureRig().DriveTo(Phase.Heating);
        safe.Health = ProcedureRig.Failed("alarms");
        safe.Next();
        Assert.True(Assert.Single(safe.Next(OperatorAction.EmergencyStop).Replies).Accepted);
        Assert.Equal(Phase.EmergencyStop, safe.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-016", "SRS-PH-018")]
    public void A_second_stop_is_refused_naming_the_phase()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.EmergencyStop);

        var reply = Assert.Single(rig.Next(OperatorAction.EmergencyStop).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("EmergencyStop", reply.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-017")]
    public void Releasing_the_stop_leads_to_safe_state_with_the_safe_command()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Next(OperatorAction.EmergencyStop);

        var outcome = rig.Next(OperatorAction.ReleaseEmergencyStop);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is PhaseTransitionEntry { From: Phase.EmergencyStop, To: Phase.SafeState, RequirementId: "SRS-PH-017" });
    }

    [Fact]
    [Verifies("SRS-PH-017", "SRS-PH-018")]
    public void Releasing_a_stop_that_was_not_pressed_is_refused()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var reply = Assert.Single(rig.Next(OperatorAction.ReleaseEmergencyStop).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("Heating", reply.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-GT-006", "SRS-PH-017")]
    public void The_reset_after_the_release_asks_for_the_release_of_the_latch_the_board_took_during_the_stop()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Next(OperatorAction.EmergencyStop);
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog; // no heartbeat during the stop
        rig.Next(OperatorAction.ReleaseEmergencyStop);

        var outcome = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.True(outcome.Desired.ReleaseBoardLatch);
    }
}
