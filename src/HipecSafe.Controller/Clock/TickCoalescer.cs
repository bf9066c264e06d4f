namespace HipecSafe.Controller.Clock;

/// <summary>
/// Decides, at each cycle deadline, whether the real-time clock delivers a tick (pure logic: time is passed in).
/// The controller's health watchdog closes one ping round per tick, so ticks handed over back to back would count
/// misses against components that had no time to answer — on a saturated CPU, three such ticks fail them all and
/// latch SafeState for nothing. Hence:
/// <list type="bullet">
/// <item>a clock that wakes late delivers only the newest cycle whose deadline has passed; the deadlines it slept
/// through are skipped, never replayed;</item>
/// <item>no tick is delivered while the previous one has not been taken (the controller's board bus has not begun the
/// cycle's reads), so ticks never queue up in front of a busy controller or a slow line;</item>
/// <item>none is delivered sooner than <see cref="MinimumRound"/> after the previous one was taken, so every health
/// round stays open at least that long in wall time (a full period when the controller keeps up).</item>
/// </list>
/// Skipped cycles form a <see cref="CycleOverrun"/>, reported with the tick that ends it. A tick not taken within
/// <see cref="PresumedLostAfter"/> is given up as lost (whatever took it crashed on it) and the next is delivered: by
/// then the board's own watchdog (500 ms) has latched the actuators, and the controller must cycle to notice it.
/// A real stall still trips: while the bus takes its ticks, rounds close every period whether a component answers or
/// not; a stalled bus takes none, so rounds then close every <see cref="PresumedLostAfter"/> (the board's watchdog has
/// latched by the first).
/// </summary>
public sealed class TickCoalescer
{
    private long? _pending;
    private TimeSpan _pendingSince;
    private TimeSpan? _takenAt;
    private long _lastDelivered = -1;
    private long _overrunFirst;
    private long _overrunCycles;
    private OverrunCauses _overrunCauses;

    /// <param name="period">The cycle period.</param>
    /// <param name="awaitTaken">
    /// True (the controller): a delivered tick counts as pending until <see cref="Take"/> reports it taken. False: a
    /// tick is taken the moment it is delivered (a consumer that cannot say when it took it).
    /// </param>
    /// <param name="minimumRound">Shortest wall time between a tick being taken and the next delivery; half a period by default.</param>
    /// <param name="presumedLostAfter">How long a delivered tick may stay untaken before it is given up; 5 periods (the board watchdog's 500 ms at 10 Hz) by default.</param>
    public TickCoalescer(TimeSpan period, bool awaitTaken = true, TimeSpan? minimumRound = null, TimeSpan? presumedLostAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Period = period;
        AwaitTaken = awaitTaken;
        MinimumRound = minimumRound ?? period / 2;
        PresumedLostAfter = presumedLostAfter ?? period * 5;
        if (MinimumRound <= TimeSpan.Zero || MinimumRound > period)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumRound), MinimumRound,
                $"the minimum health round must be longer than zero and at most the period ({period.TotalMilliseconds} ms)");
        }

        if (PresumedLostAfter < period * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(presumedLostAfter), PresumedLostAfter,
                $"a tick may be given up as lost only after at least two periods ({(period * 2).TotalMilliseconds} ms)");
        }
    }

    public TimeSpan Period { get; }

    public bool AwaitTaken { get; }

    public TimeSpan MinimumRound { get; }

    public TimeSpan PresumedLostAfter { get; }

    /// <summary>The next cycle to consider; <see cref="Decide"/> may be called once its deadline has passed.</summary>
    public long NextCycle { get; private set; }

    /// <summary>The deadline of <see cref="NextCycle"/>.</summary>
    public TimeSpan NextDue => DueOf(NextCycle);

    /// <summary>The delivered tick not yet taken, if any.</summary>
    public long? Pending => _pending;

    public long Delivered { get; private set; }

    /// <summary>Cycles skipped so far, in every overrun (the one under way included).</summary>
    public long Skipped { get; private set; }

    /// <summary>Ticks given up as lost so far.</summary>
    public long PresumedLost { get; private set; }

    public TimeSpan DueOf(long cycle) => TimeSpan.FromTicks(Period.Ticks * cycle);

    /// <summary>Called at <paramref name="now"/>, at or after <see cref="NextDue"/>: deliver the newest due cycle, or skip it.</summary>
    public TickDecision Decide(TimeSpan now)
    {
        if (now < NextDue)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"cycle {NextCycle} is due at {NextDue}; decide at or after its deadline");
        }

        var latest = Math.Max(NextCycle, now.Ticks / Period.Ticks);
        Skip(NextCycle, latest - NextCycle, OverrunCauses.ClockLate);
        NextCycle = latest + 1;
        var due = DueOf(latest);

        var hold = OverrunCauses.None;
        if (_pending is not null)
        {
            if (now - _pendingSince < PresumedLostAfter)
            {
                hold = OverrunCauses.PreviousTickNotTaken;
            }
            else
            {
                _pending = null;
                PresumedLost++;
                _overrunCauses |= OverrunCauses.PreviousTickPresumedLost;
            }
        }
        else if (_takenAt is { } taken && now - taken < MinimumRound)
        {
            hold = OverrunCauses.RoundTooShort;
        }

        if (hold != OverrunCauses.None)
        {
            Skip(latest, 1, hold);
            return new TickDecision(latest, due, Deliver: false, Ended: null);
        }

        CycleOverrun? ended = null;
        if (_overrunCycles > 0)
        {
            ended = new CycleOverrun(_overrunFirst, _overrunCycles, _overrunCauses, latest, _lastDelivered);
            _overrunCycles = 0;
        }

        _overrunCauses = OverrunCauses.None;

        Delivered++;
        _lastDelivered = latest;
        if (AwaitTaken)
        {
            _pending = latest;
            _pendingSince = now;
        }
        else
        {
            _takenAt = now;
        }

        return new TickDecision(latest, due, Deliver: true, ended);
    }

    /// <summary>The consumer took <paramref name="cycle"/> at <paramref name="now"/>; returns false for any tick but the pending one.</summary>
    public bool Take(long cycle, TimeSpan now)
    {
        if (_pending != cycle)
        {
            return false;
        }

        _pending = null;
        _takenAt = now;
        return true;
    }

    private void Skip(long first, long cycles, OverrunCauses cause)
    {
        if (cycles <= 0)
        {
            return;
        }

        if (_overrunCycles == 0)
        {
            _overrunFirst = first;
        }

        _overrunCycles += cycles;
        _overrunCauses |= cause;
        Skipped += cycles;
    }
}
