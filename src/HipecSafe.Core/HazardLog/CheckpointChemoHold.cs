namespace HipecSafe.Core.HazardLog;

/// <summary>
/// A chemo-clock hold episode still open at a checkpoint (SRS-PH-022): when it began (the previous run's procedure
/// time), the time held so far and the held stretches. The held time is never chemo time; a restarted run closes the
/// episode in its own log, so every hold is told once.
/// </summary>
public sealed record CheckpointChemoHold
{
    public CheckpointChemoHold(TimeSpan since, TimeSpan held, int stretches)
    {
        Since = since >= TimeSpan.Zero ? since : throw new ArgumentOutOfRangeException(nameof(since), since, "Since must not be negative.");
        Held = held >= TimeSpan.Zero ? held : throw new ArgumentOutOfRangeException(nameof(held), held, "Held must not be negative.");
        Stretches = stretches >= 1 ? stretches : throw new ArgumentOutOfRangeException(nameof(stretches), stretches, "Stretches must be at least 1.");
    }

    public TimeSpan Since { get; }
    public TimeSpan Held { get; }
    public int Stretches { get; }
}
