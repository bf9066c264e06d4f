using System.Diagnostics;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// "Something the test waits for may have changed": a version counter that the source of the change bumps
/// (<see cref="Pulse"/> — a board step, a cycle report, a line of a child process's output, its exit) and that a
/// waiter blocks on with a Monitor. <see cref="Until"/> re-checks its condition at each pulse, so a test wakes when
/// the awaited thing can have happened, never on a polling interval. Its bound is a hang guard, never a statement
/// about speed.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly object _gate = new();
    private long _version;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Pulse()
    {
        lock (_gate)
        {
            _version++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Blocks until a pulse after <paramref name="seen"/> (true), or until <paramref name="timeout"/> passes (false).</summary>
    public bool WaitBeyond(long seen, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        lock (_gate)
        {
            while (_version == seen)
            {
                var left = timeout - started.Elapsed;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return _version != seen;
                }
            }

            return true;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it at every pulse; fails with what was awaited after the hang guard.</summary>
    public void Until(Func<bool> condition, TimeSpan hangGuard, Func<string> awaited)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            // Read the version before the condition: a change between the two is a pulse the wait below will see.
            var seen = Version;
            if (condition())
            {
                return;
            }

            var left = hangGuard - started.Elapsed;
            if (left <= TimeSpan.Zero || !WaitBeyond(seen, left))
            {
                if (condition())
                {
                    return;
                }

                Assert.Fail($"still waiting after {hangGuard.TotalSeconds:0} s (hang guard) for {awaited()}");
            }
        }
    }
}
