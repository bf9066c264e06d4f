using HipecSafe.Controller.Clock;
using HipecSafe.Core.Health;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// The controller as the clock sees it, in simulated time: the watchdog's mailbox (ticks taken in the order they
/// came, each after <see cref="TakeDelay"/>, none while the controller is frozen), the watchdog's round logic (the
/// real <see cref="HealthMonitor"/>), and components that answer a ping <see cref="AnswerDelay"/> after it was sent,
/// unless stalled — a stalled component answers nothing until its stall ends. Taking a tick tells the clock
/// (<see cref="RealTimeCycleClock.Taken"/>), as the runtime does when the watchdog's round begins.
/// </summary>
internal sealed class SimulatedController
{
    public static readonly TimeSpan TakeDelay = TimeSpan.FromMilliseconds(0.3);
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromMilliseconds(1);

    private readonly ScriptedCycleTime _time;
    private readonly HealthMonitor _monitor = new(ComponentNames.Monitored);
    private readonly List<(TimeSpan From, TimeSpan To)> _frozen = [];
    private readonly Dictionary<string, (TimeSpan From, TimeSpan To)> _stalls = new(StringComparer.Ordinal);
    private TimeSpan _mailboxFreeAt;

    public SimulatedController(ScriptedCycleTime time)
    {
        _time = time;
    }

    /// <summary>Receives <see cref="RealTimeCycleClock.Taken"/> calls; set once the clock exists.</summary>
    public RealTimeCycleClock? Clock { get; set; }

    /// <summary>Ticks as delivered by the clock: cycle, scheduled time, delivery time.</summary>
    public List<(long Cycle, TimeSpan Due, TimeSpan DeliveredAt)> Delivered { get; } = [];

    /// <summary>Every round the watchdog began: its key, when, and the monitor's verdict on the round it closed.</summary>
    public List<(long Key, TimeSpan At, HealthRound Round)> Rounds { get; } = [];

    /// <summary>Components the monitor failed, with when.</summary>
    public List<(string Component, TimeSpan At)> Failures { get; } = [];

    /// <summary>The whole controller (actor threads) gets no CPU in [from, to): nothing is taken or answered.</summary>
    public void Freeze(TimeSpan from, TimeSpan to) => _frozen.Add((from, to));

    /// <summary>One component hangs in [from, to), like an actor blocked in a call.</summary>
    public void Stall(string component, TimeSpan from, TimeSpan to) => _stalls[component] = (from, to);

    /// <summary>The clock's tick handler.</summary>
    public void OnTick(long cycle, TimeSpan due)
    {
        var now = _time.Elapsed;
        Delivered.Add((cycle, due, now));
        // A mailbox: a tick is taken after the one before it, and not while the controller is frozen.
        var takeAt = Thaw(Max(now + TakeDelay, _mailboxFreeAt));
        _mailboxFreeAt = takeAt + TimeSpan.FromMilliseconds(0.01);
        _time.At(takeAt, () => Take(cycle));
    }

    private void Take(long cycle)
    {
        var at = _time.Elapsed;
        var round = _monitor.BeginRound(cycle);
        Rounds.Add((cycle, at, round));
        Failures.AddRange(round.NewlyFailed.Select(c => (c, at)));
        Clock?.Taken(cycle);
        foreach (var component in ComponentNames.Monitored)
        {
            var answerAt = Thaw(at + AnswerDelay);
            if (_stalls.TryGetValue(component, out var stall) && answerAt >= stall.From && answerAt < stall.To)
            {
                answerAt = stall.To;
            }

            _time.At(answerAt, () => _monitor.Answer(component, cycle));
        }
    }

    private TimeSpan Thaw(TimeSpan at)
    {
        foreach (var (from, to) in _frozen)
        {
            if (at >= from && at < to)
            {
                return to;
            }
        }

        return at;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
