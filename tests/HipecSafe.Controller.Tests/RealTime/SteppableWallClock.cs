namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// A wall clock that stands still at <c>start</c> until a test steps it (<see cref="Offset"/>), as NTP or a faulty RTC
/// would; its timestamps and timers are the system's monotonic ones, so only the wall-clock reading jumps.
/// </summary>
internal sealed class SteppableWallClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => start + Offset;
}
