using HipecSafe.Controller.Clock;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// Simulated time for the real-time clock's loop, run on the test thread: waiting for a deadline jumps to the moment
/// the script says the clock thread woke (<c>wakeAt(deadline)</c>, at or after it), running on the way, in time order,
/// every simulated event that falls due (the controller taking a tick, a component answering). Nothing sleeps, and
/// the same script always gives the same run. The run ends at the first wake-up after <c>end</c>.
/// </summary>
internal sealed class ScriptedCycleTime(Func<TimeSpan, TimeSpan> wakeAt, TimeSpan end) : ICycleTimeSource
{
    private readonly PriorityQueue<Action, (TimeSpan At, long Order)> _events = new();
    private long _order;

    /// <summary>A clock thread that wakes exactly at each deadline.</summary>
    public static Func<TimeSpan, TimeSpan> Punctual { get; } = deadline => deadline;

    public TimeSpan Elapsed { get; private set; }

    public void Start()
    {
    }

    /// <summary>Schedules a simulated event; events at the same time run in the order they were scheduled.</summary>
    public void At(TimeSpan time, Action action) => _events.Enqueue(action, (time < Elapsed ? Elapsed : time, _order++));

    public bool WaitUntil(TimeSpan deadline, CancellationToken stopRequested)
    {
        var wake = wakeAt(deadline);
        if (wake < deadline)
        {
            throw new InvalidOperationException($"the script wakes the clock at {wake} for the deadline {deadline}: never before it");
        }

        if (wake > end)
        {
            RunEvents(end);
            return false;
        }

        RunEvents(wake);
        Elapsed = wake;
        return true;
    }

    private void RunEvents(TimeSpan until)
    {
        while (_events.TryPeek(out _, out var next) && next.At <= until)
        {
            var action = _events.Dequeue();
            Elapsed = next.At;
            action();
        }
    }
}
