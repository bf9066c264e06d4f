namespace HipecSafe.Hil.Scenarios;

/// <summary>What became of one scenario fault during a run: when it started (its onset), when it ended, or why it never fired.</summary>
public sealed record FaultActivation(FaultSpec Fault, TimeSpan? Onset, TimeSpan? Cleared, string? NotFiredReason)
{
    public bool Fired => Onset is not null;
}
