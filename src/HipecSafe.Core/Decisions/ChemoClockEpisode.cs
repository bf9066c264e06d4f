using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// One stretch of held chemo clock as the hazard log tells it (SRS-PH-022): from the first held cycle until the clock
/// has run again for <see cref="Settle"/>, or the phase is left. Readings that chatter about the band low hold single
/// cycles; the clock counts each cycle exactly, and the log tells them as one episode with the time held in it and the
/// number of held stretches, so every pause and resume of the clock is accounted for.
/// </summary>
/// <param name="Since">Procedure time at which the first held stretch began.</param>
/// <param name="Held">Time held in the episode so far.</param>
/// <param name="RunningSince">Procedure time at which the clock last began to run again; null while it is held.</param>
/// <param name="Stretches">How many times the clock was paused in the episode (each followed by a resume).</param>
public sealed record ChemoClockEpisode(TimeSpan Since, Duration Held, TimeSpan? RunningSince, int Stretches = 1)
{
    /// <summary>How long the clock must run again before the episode is logged as over.</summary>
    public static readonly Duration Settle = Duration.FromSeconds(10);

    /// <summary>
    /// Taken over from the previous run's checkpoint by a restarted run (SRS-RS-006): its <see cref="Since"/> is that
    /// run's procedure time, and the restarted run closes it at its first cycle.
    /// </summary>
    public bool BeforeRestart { get; init; }
}
