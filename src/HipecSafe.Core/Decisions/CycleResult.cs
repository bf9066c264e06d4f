namespace HipecSafe.Core.Decisions;

/// <summary>One <see cref="CycleCore.Run"/>: the next states and what each decision unit did.</summary>
public sealed record CycleResult(CycleState State, ProcedureOutcome Procedure, GateOutcome Gate);
