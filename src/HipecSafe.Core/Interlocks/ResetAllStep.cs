namespace HipecSafe.Core.Interlocks;

/// <summary>The result of <see cref="InterlockEngine.ResetAll"/>: one answer per latched trip, in rule order, and the state after them.</summary>
public sealed record ResetAllStep(IReadOnlyList<ResetOutcome> Outcomes, InterlockEngineState State);
