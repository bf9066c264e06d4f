namespace HipecSafe.Core.Phases;

/// <summary>One <see cref="PhaseMachine.Advance"/>: the state after it and the transitions taken (usually none).</summary>
public sealed record PhaseAdvance(PhaseState State, IReadOnlyList<PhaseTransition> Taken);
