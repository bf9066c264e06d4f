namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// How records reach the hazard-log writer (<see cref="HazardLogPump"/>): on a writer thread of their own through a
/// bounded queue, or inline on the caller's thread.
/// </summary>
public sealed record HazardLogPumpOptions
{
    /// <summary>
    /// True: a dedicated thread does all the writer's I/O and the caller only enqueues (real time: a slow disk must
    /// never hold up a health round). False: each record is appended on the caller's thread (lockstep: deterministic).
    /// </summary>
    public bool WriterThread { get; init; } = true;

    /// <summary>
    /// Records that may wait for the writer thread. At 10 Hz the controller logs a few records per cycle, so 4096 hold
    /// minutes of a stalled disk; when full, the spill buffer's rule drops the oldest lowest-priority record first and
    /// never a high-priority one.
    /// </summary>
    public int Capacity { get; init; } = 4096;

    /// <summary>
    /// A record that has waited this long for the writer (enqueued and not yet written) makes the log unavailable
    /// (LOG-UNAVAILABLE) until the writer catches up. Well above this machine's worst fsync (bench/results/fsync.md).
    /// </summary>
    public TimeSpan StallLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Monotonic time for the stall limit (its timestamps only).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long disposing waits for the writer thread to write what is queued.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StallLimit, TimeSpan.Zero, nameof(StallLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DrainTimeout, TimeSpan.Zero, nameof(DrainTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
