using System.Diagnostics;

namespace HipecSafe.Controller;

/// <summary>
/// Drives real-time cycles from one dedicated thread (not Akka's scheduler, which is not built for precise firing):
/// sleeps until shortly before each deadline on a Stopwatch, then spins to it. Records each tick's lateness.
/// </summary>
public sealed class RealTimeCycleClock : IDisposable
{
    private static readonly TimeSpan SpinMargin = TimeSpan.FromMilliseconds(1.5);
    private readonly TimeSpan _period;
    private readonly Action<long, TimeSpan> _onTick;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _latenessMs = [];
    private Thread? _thread;

    /// <param name="onTick">Called on the clock thread with the cycle number and the scheduled cycle time.</param>
    public RealTimeCycleClock(TimeSpan period, Action<long, TimeSpan> onTick)
    {
        _period = period;
        _onTick = onTick;
    }

    /// <summary>Lateness of each tick against its schedule (ms): the cycle jitter.</summary>
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

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "hipecsafe-cycle-clock" };
        _thread.Start();
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        for (long cycle = 0; !_stop.IsCancellationRequested; cycle++)
        {
            var due = _period * cycle;
            var sleep = due - clock.Elapsed - SpinMargin;
            if (sleep > TimeSpan.Zero && _stop.Token.WaitHandle.WaitOne(sleep))
            {
                return;
            }

            while (clock.Elapsed < due)
            {
                Thread.SpinWait(20);
            }

            lock (_latenessMs)
            {
                _latenessMs.Add((clock.Elapsed - due).TotalMilliseconds);
            }

            _onTick(cycle, due);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }
}
