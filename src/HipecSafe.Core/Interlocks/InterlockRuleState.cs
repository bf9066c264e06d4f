namespace HipecSafe.Core.Interlocks;

/// <summary>What the engine remembers of one rule between evaluations (part of <see cref="InterlockEngineState"/>).</summary>
/// <param name="RuleId">The rule it belongs to.</param>
/// <param name="PendingSince">Start of the persistence time: when the condition was first seen holding; null when it is not.</param>
/// <param name="LastHolding">The latest measurement while the condition held: what a trip reports when raised.</param>
/// <param name="Trip">
/// The active trip; null when there is none. Its <see cref="InterlockTrip.Condition"/> and
/// <see cref="InterlockTrip.Latest"/> are the latest verdict, on which an operator reset is judged.
/// </param>
/// <param name="Memory">The rule's own memory (<see cref="InterlockRule.InitialMemory"/>); null for rules without.</param>
/// <param name="ClearingSince">
/// Start of the clear margin in time (<see cref="InterlockRule.ClearAfter"/>): when the condition of an active
/// non-latched trip was first seen clear; null otherwise.
/// </param>
public sealed record InterlockRuleState(
    string RuleId,
    TimeSpan? PendingSince,
    Measurement? LastHolding,
    InterlockTrip? Trip,
    RuleMemory? Memory,
    TimeSpan? ClearingSince = null);
