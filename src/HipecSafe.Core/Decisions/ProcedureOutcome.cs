using HipecSafe.Core.Operations;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// One <see cref="ProcedureStep"/>: the next state, the desired command for the gate, the answers to the operator's
/// commands (in their order), the hazard-log records, and whether the watchdog should clear its latched failures
/// (an operator reset was accepted).
/// </summary>
public sealed record ProcedureOutcome(
    ProcedureState State,
    DesiredCommand Desired,
    IReadOnlyList<OperatorReply> Replies,
    IReadOnlyList<CycleLogEntry> Records,
    bool ResetHealth);
