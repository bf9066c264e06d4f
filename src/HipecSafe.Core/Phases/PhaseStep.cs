namespace HipecSafe.Core.Phases;

/// <summary>One call of the phase machine: the state after it and what the call did.</summary>
public sealed record PhaseStep(PhaseState State, FireResult Result);
