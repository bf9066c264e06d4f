using System.Diagnostics;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;

namespace HipecSafe.Controller.Cycle;

/// <summary>
/// Tells the lockstep driver when a cycle is over: its report has arrived (or the cycle reached a suspended component
/// and can go no further), and every component that is not suspended has answered the cycle's health ping. Only then
/// is the controller idle, so the next step cannot overtake any message of this one — which makes runs deterministic.
/// Components announce a suspension themselves (<see cref="ComponentSuspended"/>); the monitor keeps the set.
/// </summary>
internal sealed class LockstepMonitor
{
    // A suspended component holding one of these has stopped the cycle chain; holding anything else (a log record, a ping) has not.
    private static readonly HashSet<string> ChainMessages = new(StringComparer.Ordinal)
    {
        nameof(CycleTick), nameof(StartCycle), nameof(Sampled), nameof(Desired), nameof(CycleDeadline), nameof(WriteCommand), nameof(UpdateAlarms),
    };

    // Outstanding until the watchdog has begun the cycle's round; a suspended watchdog begins none.
    private const string RoundNotStarted = "(round not started)";

    private readonly object _gate = new();
    private readonly Dictionary<string, long> _suspendedUntil = new(StringComparer.Ordinal);
    private long _cycle = -1;
    private CycleReport? _report;
    private bool _absorbed;
    private IReadOnlyList<string> _outstanding = [];
    private int _crashesHandled;
    private int _waiters;

    public void Begin(long cycle)
    {
        lock (_gate)
        {
            _cycle = cycle;
            _report = null;
            _absorbed = false;
            _outstanding = [RoundNotStarted];
            if (_suspendedUntil.Count > 0)
            {
                foreach (var done in _suspendedUntil.Where(kv => kv.Value <= cycle).Select(kv => kv.Key).ToList())
                {
                    _suspendedUntil.Remove(done);
                }
            }
        }
    }

    public void OnMessage(object message)
    {
        lock (_gate)
        {
            switch (message)
            {
                case CycleReport r when r.Tick.Cycle == _cycle:
                    _report = r;
                    break;
                case RoundProgress p when p.Key == _cycle:
                    _outstanding = p.Outstanding;
                    break;
                case CrashHandled:
                    _crashesHandled++;
                    break;
                case ComponentSuspended s:
                    _suspendedUntil[s.Component] = s.UntilRound;
                    break;
                case StallAbsorbed a when ChainMessages.Contains(a.MessageType):
                    _absorbed = true;
                    break;
                default:
                    return;
            }

            // In lockstep the whole cycle runs inside the driver's Tell, so usually nobody waits yet; pulsing an
            // object nobody waits on would only give it a sync block and slow every later lock of it.
            if (_waiters > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until the cycle is over; returns its report, or null when it stopped at a suspended component.</summary>
    public CycleReport? Wait(TimeSpan livenessLimit)
    {
        var started = Stopwatch.GetTimestamp(); // monotonic: a wall-clock step must not end the wait
        lock (_gate)
        {
            while (!Done())
            {
                var left = livenessLimit - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !WaitLocked(left))
                {
                    throw new TimeoutException(
                        $"lockstep cycle {_cycle} did not finish within {livenessLimit.TotalSeconds:0} s: report {(_report is null ? "missing" : "received")}, " +
                        $"outstanding pings: {string.Join(", ", _outstanding)}");
                }
            }

            return _report;
        }
    }

    public int CrashesHandled
    {
        get
        {
            lock (_gate)
            {
                return _crashesHandled;
            }
        }
    }

    /// <summary>Waits until more than <paramref name="before"/> crashes have been handled by the root.</summary>
    public void WaitForCrashHandled(int before, TimeSpan livenessLimit)
    {
        var started = Stopwatch.GetTimestamp(); // monotonic: a wall-clock step must not end the wait
        lock (_gate)
        {
            while (_crashesHandled <= before)
            {
                var left = livenessLimit - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !WaitLocked(left))
                {
                    throw new TimeoutException($"a crash was not handled within {livenessLimit.TotalSeconds:0} s");
                }
            }
        }
    }

    private bool WaitLocked(TimeSpan timeout)
    {
        _waiters++;
        try
        {
            return Monitor.Wait(_gate, timeout);
        }
        finally
        {
            _waiters--;
        }
    }

    private bool Done()
    {
        if (_report is null && !(_absorbed && _suspendedUntil.Count > 0))
        {
            return false;
        }

        foreach (var component in _outstanding)
        {
            var holder = component == RoundNotStarted ? ComponentNames.Watchdog : component;
            if (!_suspendedUntil.ContainsKey(holder))
            {
                return false;
            }
        }

        return true;
    }
}
