using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Whether two outcomes of a decision unit say the same, item by item: the outcome records hold plain lists, which
/// records compare by reference, so their default equality would call two equal outcomes different.
/// </summary>
internal static class DecisionComparison
{
    public static bool SameProcedure(ProcedureOutcome a, ProcedureOutcome b) =>
        a.State.Equals(b.State)
        && SameDesired(a.Desired, b.Desired)
        && a.Replies.SequenceEqual(b.Replies)
        && a.Records.SequenceEqual(b.Records)
        && a.ResetHealth == b.ResetHealth;

    public static bool SameGate(GateOutcome a, GateOutcome b) =>
        a.State.Equals(b.State)
        && SameVerdict(a.Verdict, b.Verdict)
        && a.Records.SequenceEqual(b.Records)
        && a.Conditions.SequenceEqual(b.Conditions)
        && SameEvaluation(a.Evaluation, b.Evaluation);

    public static bool SameVerdict(GateVerdict? a, GateVerdict? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Cycle == b.Cycle
              && a.Command == b.Command
              && a.ReleaseBoardLatch == b.ReleaseBoardLatch
              && a.HeartbeatPermitted == b.HeartbeatPermitted
              && a.DesiredInTime == b.DesiredInTime
              && a.ActiveTrips.SequenceEqual(b.ActiveTrips)
              && a.Reasons.SequenceEqual(b.Reasons)
              && a.Crashes.Equals(b.Crashes);

    public static bool SameCycle(CycleResult a, CycleResult b) =>
        a.State.Procedure.Equals(b.State.Procedure)
        && a.State.Gate.Equals(b.State.Gate)
        && SameVerdict(a.State.LastVerdict, b.State.LastVerdict)
        && SameProcedure(a.Procedure, b.Procedure)
        && SameGate(a.Gate, b.Gate);

    private static bool SameDesired(DesiredCommand a, DesiredCommand b) =>
        a.Cycle == b.Cycle
        && a.Command == b.Command
        && a.Context == b.Context
        && a.ResetRequested == b.ResetRequested
        && a.ReleaseBoardLatch == b.ReleaseBoardLatch
        && a.Report.Phase == b.Report.Phase
        && a.Report.ChemoElapsed == b.Report.ChemoElapsed
        && a.Report.InflowSetpointC.Equals(b.Report.InflowSetpointC)
        && a.Report.LatchedCauses.SequenceEqual(b.Report.LatchedCauses)
        && a.Report.Conditions.SequenceEqual(b.Report.Conditions);

    private static bool SameEvaluation(InterlockEvaluation? a, InterlockEvaluation? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Now == b.Now
              && a.Active.SequenceEqual(b.Active)
              && a.Raised.SequenceEqual(b.Raised)
              && a.Cleared.SequenceEqual(b.Cleared)
              && a.Inflow == b.Inflow;
}
