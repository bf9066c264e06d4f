using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Procedure commands are taken in the order they arrived and each is answered and logged, accepted or refused with the
/// reason; alarm commands are the alarm system's to answer, so the control lane refuses them with that reason (SRS-RT-009).
/// </summary>
public class ProcedureOperatorCommandTests
{
    private static IReadOnlyList<OperatorCommandEntry> Logged(ProcedureRig rig) =>
        rig.Last.Records.Select(r => r.Entry).OfType<OperatorCommandEntry>().ToList();

    [Fact]
    [Verifies("SRS-RT-009")]
    public void Commands_are_answered_and_logged_in_the_order_they_arrived()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var outcome = rig.Next(OperatorAction.Pause, OperatorAction.Resume);

        Assert.Equal([OperatorReply.Accept(OperatorAction.Pause), OperatorReply.Accept(OperatorAction.Resume)], outcome.Replies);
        Assert.Equal(["Pause", "Resume"], Logged(rig).Select(e => e.Command));
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-RT-009")]
    public void The_same_commands_in_the_other_order_give_other_answers()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var outcome = rig.Next(OperatorAction.Resume, OperatorAction.Pause);

        Assert.Equal([OperatorAction.Resume, OperatorAction.Pause], outcome.Replies.Select(r => r.Action));
        Assert.False(outcome.Replies[0].Accepted);
        Assert.True(outcome.Replies[1].Accepted);
        Assert.Equal([false, true], Logged(rig).Select(e => e.Accepted));
        Assert.Equal(outcome.Replies[0].RefusalReason, Logged(rig)[0].RefusalReason);
        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Theory]
    [InlineData(OperatorAction.AcknowledgeAlarms)]
    [InlineData(OperatorAction.PauseAudio)]
    [Verifies("SRS-RT-009")]
    public void Alarm_commands_are_refused_here_with_the_reason_and_logged(OperatorAction action)
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var reply = Assert.Single(rig.Next(action).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("alarm system", reply.RefusalReason, StringComparison.Ordinal);
        var logged = Assert.Single(Logged(rig));
        Assert.Equal(action.ToString(), logged.Command);
        Assert.False(logged.Accepted);
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-RT-009")]
    public void A_cycle_without_commands_answers_nothing()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        Assert.Empty(rig.Next().Replies);
        Assert.Empty(Logged(rig));
    }
}
