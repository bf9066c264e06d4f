namespace HipecSafe.Core.Interlocks;

/// <summary>The result of <see cref="InterlockEngine.Reset"/>: the answer and the state after it (unchanged when refused).</summary>
public sealed record ResetStep(ResetOutcome Outcome, InterlockEngineState State);
