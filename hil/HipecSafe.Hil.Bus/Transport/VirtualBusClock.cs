namespace HipecSafe.Hil.Bus.Transport;

/// <summary>
/// A clock that moves only when told: the time base of a virtual-time <see cref="InMemorySerialLink"/>. Reads that
/// wait advance it instead of sleeping, so a simulated bus with timeouts and delays runs deterministically and as
/// fast as the CPU allows. The HIL rig may also advance it with its own simulation steps.
/// </summary>
public sealed class VirtualBusClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Moved with interlocked operations; read with a plain atomic read (Volatile.Read of a long is atomic on every
    // platform .NET runs on). Interlocked.Read is a locked compare-exchange, and the link and the master read the clock
    // a hundred times or so per lockstep cycle.
    private long _ticks;

    /// <summary>Time since the clock was created.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _ticks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by <paramref name="delta"/> (never back).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "a clock only moves forward");
        }

        Interlocked.Add(ref _ticks, delta.Ticks);
    }

    /// <summary>Moves the clock to <paramref name="elapsed"/> if that is later than now.</summary>
    public void AdvanceTo(TimeSpan elapsed)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _ticks);
            if (elapsed.Ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _ticks, elapsed.Ticks, current) != current);
    }

    /// <summary>Timers would fire on wall-clock time and break determinism; nothing here needs them.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("VirtualBusClock has no timers: advance it explicitly (Advance/AdvanceTo) and poll");
}
