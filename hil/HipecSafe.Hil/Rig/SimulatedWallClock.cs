namespace HipecSafe.Hil.Rig;

/// <summary>
/// The wall clock of a simulated procedure: it reads the rig's epoch plus simulated time, so that records stamped
/// outside the cycle chain (the hazard log's header) are the same in every run with the same seed. Timers (the
/// log's periodic fsync) stay on the system's timer queue: they decide only when bytes reach the disk, not what.
/// </summary>
internal sealed class SimulatedWallClock(DateTimeOffset epoch, Func<TimeSpan> simulatedTime) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => epoch + simulatedTime();
}
