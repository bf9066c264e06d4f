namespace HipecSafe.Core.Phases;

/// <summary>The outcome of asking the machine to fire a trigger: the transition taken, or why it was refused.</summary>
public sealed record FireResult(PhaseTransition? Transition, string? RefusalReason)
{
    public bool Accepted => Transition is not null;

    public static FireResult Taken(PhaseTransition transition) => new(transition, null);

    public static FireResult Refused(string reason) => new(null, reason);
}
