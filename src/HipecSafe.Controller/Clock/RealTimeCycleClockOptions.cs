namespace HipecSafe.Controller.Clock;

/// <summary>How a <see cref="RealTimeCycleClock"/> runs.</summary>
public sealed record RealTimeCycleClockOptions
{
    /// <summary>
    /// Coalescing of late ticks (the controller's clock, see <see cref="TickCoalescer"/>); null delivers every
    /// deadline in order, late ones back to back, as a metronome would.
    /// </summary>
    public TickCoalescer? Coalescing { get; init; }

    /// <summary>Time and waiting; null: a <see cref="PreciseCycleTimeSource"/>.</summary>
    public ICycleTimeSource? TimeSource { get; init; }

    /// <summary>Called on the clock thread, just before the tick that ends an overrun, with what was skipped.</summary>
    public Action<CycleOverrun>? OnOverrun { get; init; }

    /// <summary>
    /// How long after a delivered tick the clock also calls <see cref="OnDeadline"/> with that cycle (shorter than the
    /// period); null: no deadline calls.
    /// </summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Called on the clock thread at each delivered cycle's deadline, with the cycle number and its scheduled time.</summary>
    public Action<long, TimeSpan>? OnDeadline { get; init; }

    /// <summary>Raise the clock thread's scheduling priority when it starts (see <see cref="RealTimeThreadScheduling"/>).</summary>
    public bool RaisePriority { get; init; } = true;
}
