using HipecSafe.Core.Operations;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-009: every operator command is answered accepted or refused with the reason, and both are logged; procedure
/// commands are taken by the control lane at the next cycle in the order they arrived, alarm commands at once.
/// </summary>
public sealed class OperatorCommandTests
{
    public static TheoryData<OperatorAction> WrongInStandby =>
    [
        OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug, OperatorAction.EndChemoEarly, OperatorAction.Pause,
        OperatorAction.Resume, OperatorAction.ReleaseEmergencyStop,
    ];

    [Theory]
    [MemberData(nameof(WrongInStandby))]
    [Verifies("SRS-RT-009")]
    public void A_command_in_the_wrong_phase_is_refused_with_the_reason_and_logged_as_refused(OperatorAction action)
    {
        using var run = new LockstepRun();
        run.ToStandby();

        var reply = run.Press(action);

        Assert.False(reply.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(reply.RefusalReason));
        Assert.Contains("Standby", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.Standby, run.Last!.Phase);
        var entry = Assert.Single(run.Entries<OperatorCommandEntry>());
        Assert.Equal(action.ToString(), entry.Command);
        Assert.False(entry.Accepted);
        Assert.Equal(reply.RefusalReason, entry.RefusalReason);
    }

    [Fact]
    [Verifies("SRS-RT-009")]
    public void A_command_whose_guard_fails_is_refused_with_every_unmet_condition_and_logged()
    {
        using var run = new LockstepRun();
        run.ToHeating();
        CrashRecoveryTests.WarmTheAbdomen(run);
        run.StepUntil(r => r.Phase == Phase.ReadyForChemo, 20, "ReadyForChemo");

        var reply = run.Press(OperatorAction.AddDrug);

        Assert.False(reply.Accepted);
        Assert.Contains("leak check", reply.RefusalReason, StringComparison.Ordinal);
        var entry = Assert.Single(run.Entries<OperatorCommandEntry>(), e => e.Command == nameof(OperatorAction.AddDrug));
        Assert.False(entry.Accepted);
        Assert.Equal(reply.RefusalReason, entry.RefusalReason);
    }

    [Fact]
    [Verifies("SRS-RT-009")]
    public void Every_reply_has_a_log_record_of_the_same_outcome_in_the_order_the_device_answered()
    {
        using var run = new LockstepRun();
        run.ToStandby();
        // The device's order: alarm commands at once, procedure commands at the next cycle in the order they arrived.
        var answered = new List<Task<OperatorReply>>();
        var procedure = new List<Task<OperatorReply>>();
        void Submit(OperatorAction action)
        {
            var reply = run.Submit(action);
            if (action is OperatorAction.AcknowledgeAlarms or OperatorAction.PauseAudio)
            {
                Assert.True(reply.IsCompleted, $"{action} is an alarm command: answered at once");
                answered.Add(reply);
            }
            else
            {
                Assert.False(reply.IsCompleted, $"{action} is a procedure command: answered at the next cycle");
                procedure.Add(reply);
            }
        }

        void Cycle()
        {
            run.Step();
            answered.AddRange(procedure);
            procedure.Clear();
        }

        foreach (var action in new[] { OperatorAction.AddDrug, OperatorAction.Reset, OperatorAction.AcknowledgeAlarms, OperatorAction.PauseAudio,
                     OperatorAction.StartPriming, OperatorAction.StartPriming })
        {
            Submit(action);
        }

        Cycle();
        run.Steps(3);
        foreach (var action in new[] { OperatorAction.Pause, OperatorAction.Resume, OperatorAction.EmergencyStop, OperatorAction.Resume,
                     OperatorAction.ReleaseEmergencyStop })
        {
            Submit(action);
        }

        Cycle();

        var replies = answered.Select(run.Answer).ToList();
        Assert.Contains(replies, r => r.Accepted);
        Assert.Contains(replies, r => !r.Accepted);
        Assert.All(replies.Where(r => !r.Accepted), r => Assert.False(string.IsNullOrWhiteSpace(r.RefusalReason)));
        var logged = run.Entries<OperatorCommandEntry>();
        Assert.Equal(replies.Count, logged.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            Assert.True(logged[i].Command.StartsWith(replies[i].Action.ToString(), StringComparison.Ordinal),
                $"record {i} is '{logged[i].Command}', reply {i} is for {replies[i].Action}");
            Assert.Equal(replies[i].Accepted, logged[i].Accepted);
            Assert.Equal(replies[i].RefusalReason, logged[i].RefusalReason);
        }
    }

    [Theory]
    [InlineData(OperatorAction.StartPriming)]
    [InlineData(OperatorAction.AcknowledgeAlarms)]
    [Verifies("SRS-RT-009")]
    public void A_command_before_the_first_cycle_is_refused_with_the_reason_and_logged(OperatorAction action)
    {
        using var run = new LockstepRun();

        // Submitted before the first cycle: the alarm system has no time yet; the control lane answers in cycle 0, in
        // its power-on self-test, where no command is allowed.
        var reply = run.Press(action);

        Assert.False(reply.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(reply.RefusalReason));
        var entry = Assert.Single(run.Entries<OperatorCommandEntry>());
        Assert.Equal(action.ToString(), entry.Command);
        Assert.False(entry.Accepted);
        Assert.Equal(reply.RefusalReason, entry.RefusalReason);
    }
}
