using System.Collections.Concurrent;

namespace HipecSafe.Controller.Clock;

/// <summary>
/// Drives real-time cycles from one dedicated thread (not Akka's scheduler, which is not built for precise firing),
/// raised above ordinary threads (<see cref="RealTimeThreadScheduling"/>), waking at absolute deadlines n × period
/// (<see cref="PreciseCycleTimeSource"/>: sleep, then a fine sleep, then a short spin). With a
/// <see cref="TickCoalescer"/> it never hands over ticks back to back: a late wake-up delivers only the newest due
/// cycle, and a tick is delivered only once the previous one has been <see cref="Taken"/> long enough ago; skipped
/// cycles are counted and reported as <see cref="CycleOverrun"/>s. Records each wake-up's lateness.
/// </summary>
public sealed class RealTimeCycleClock : IDisposable
{
    private readonly TimeSpan _period;
    private readonly Action<long, TimeSpan> _onTick;
    private readonly RealTimeCycleClockOptions _options;
    private readonly ICycleTimeSource _time;
    private readonly TickCoalescer? _coalescer;
    private readonly ConcurrentQueue<(long Cycle, TimeSpan At)> _taken = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _latenessMs = [];
    private readonly List<CycleOverrun> _overruns = [];
    private long _awaiting = -1;
    private long _acknowledged;
    private long _delivered;
    private long _skipped;
    private string _scheduling = "not started";
    private Thread? _thread;

    /// <param name="onTick">Called on the clock thread with the cycle number and the scheduled cycle time; every deadline gets a tick, in order.</param>
    public RealTimeCycleClock(TimeSpan period, Action<long, TimeSpan> onTick)
        : this(period, onTick, new RealTimeCycleClockOptions())
    {
    }

    /// <param name="period">The cycle period.</param>
    /// <param name="onTick">Called on the clock thread with the cycle number and the scheduled cycle time.</param>
    /// <param name="options">Coalescing, time source, overrun callback, priority.</param>
    public RealTimeCycleClock(TimeSpan period, Action<long, TimeSpan> onTick, RealTimeCycleClockOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(onTick);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Deadline is { } deadline && (deadline <= TimeSpan.Zero || deadline >= period || options.OnDeadline is null))
        {
            throw new ArgumentException($"a cycle deadline must lie within the period ({period.TotalMilliseconds} ms) and come with OnDeadline; got {deadline.TotalMilliseconds} ms", nameof(options));
        }

        if (options.Coalescing is { } c && c.Period != period)
        {
            throw new ArgumentException($"the coalescing policy's period ({c.Period.TotalMilliseconds} ms) differs from the clock's ({period.TotalMilliseconds} ms)", nameof(options));
        }

        _period = period;
        _onTick = onTick;
        _options = options;
        _time = options.TimeSource ?? new PreciseCycleTimeSource();
        _coalescer = options.Coalescing;
    }

    /// <summary>Lateness of each wake-up against the deadline it waited for (ms): the cycle jitter.</summary>
    public IReadOnlyList<double> LatenessMs
    {
        get
        {
            lock (_latenessMs)
            {
                return _latenessMs.ToList();
            }
        }
    }

    /// <summary>The overruns that have ended so far (cycles skipped, and why).</summary>
    public IReadOnlyList<CycleOverrun> Overruns
    {
        get
        {
            lock (_overruns)
            {
                return _overruns.ToList();
            }
        }
    }

    /// <summary>Ticks delivered so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Cycles skipped so far (an overrun still under way included).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Ticks reported taken through <see cref="Taken"/>.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>The scheduling the clock thread got (e.g. "SCHED_FIFO priority 10").</summary>
    public string Scheduling => Volatile.Read(ref _scheduling);

    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the clock is already running");
        }

        _thread = new Thread(() =>
        {
            if (_options.RaisePriority)
            {
                Volatile.Write(ref _scheduling, RealTimeThreadScheduling.RaiseCurrentThread());
            }
            else
            {
                Volatile.Write(ref _scheduling, "ordinary");
            }

            Run();
        })
        { IsBackground = true, Name = "hipecsafe-cycle-clock" };
        _thread.Start();
    }

    /// <summary>
    /// The consumer took tick <paramref name="cycle"/> (the board bus began the cycle's reads). Any thread; repeats and
    /// other cycles are ignored. Only a coalescing clock that awaits taking uses it.
    /// </summary>
    public void Taken(long cycle)
    {
        if (cycle >= 0 && Interlocked.CompareExchange(ref _awaiting, -1, cycle) == cycle)
        {
            _taken.Enqueue((cycle, _time.Elapsed));
            Interlocked.Increment(ref _acknowledged);
        }
    }

    /// <summary>The clock thread's loop, until stopped or until the time source says stop (a scripted test runs it directly).</summary>
    internal void Run()
    {
        _time.Start();
        for (long next = 0; ; next++)
        {
            var due = _coalescer?.NextDue ?? TimeSpan.FromTicks(_period.Ticks * next);
            if (!_time.WaitUntil(due, _stop.Token))
            {
                return;
            }

            var now = _time.Elapsed;
            lock (_latenessMs)
            {
                _latenessMs.Add((now - due).TotalMilliseconds);
            }

            var decision = Decide(next, due, now);
            if (decision.Ended is { } overrun)
            {
                lock (_overruns)
                {
                    _overruns.Add(overrun);
                }

                _options.OnOverrun?.Invoke(overrun);
            }

            if (!decision.Deliver)
            {
                continue;
            }

            if (_coalescer is { AwaitTaken: true })
            {
                // Published before the tick leaves, so an answer to it can never be missed.
                Volatile.Write(ref _awaiting, decision.Cycle);
            }

            Interlocked.Increment(ref _delivered);
            _onTick(decision.Cycle, decision.Due);
            // The deadline lies inside the cycle, before the next due time: waiting for it never delays the next tick.
            if (_options.Deadline is { } deadline && _options.OnDeadline is { } onDeadline)
            {
                if (!_time.WaitUntil(decision.Due + deadline, _stop.Token))
                {
                    return;
                }

                onDeadline(decision.Cycle, decision.Due);
            }
        }
    }

    private TickDecision Decide(long next, TimeSpan due, TimeSpan now)
    {
        if (_coalescer is null)
        {
            return new TickDecision(next, due, Deliver: true, Ended: null);
        }

        while (_taken.TryDequeue(out var taken))
        {
            _coalescer.Take(taken.Cycle, taken.At);
        }

        var decision = _coalescer.Decide(now);
        Interlocked.Exchange(ref _skipped, _coalescer.Skipped);
        return decision;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }
}
