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

    public long Version => Interlocked.Read(ref _version);

    public void Pulse()
    {
        Interlocked.Increment(ref _version);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// A pulse from a real-time thread (the boards' step thread), which must never wait for a test thread that holds
    /// the lock and is itself waiting for a CPU (priority inversion): the version moves at once, and waiters are
    /// woken only if the lock is free. A waiter holding it is between its check and its wait, and the next pulse
    /// (the next board step) wakes it.
    /// </summary>
    public void PulseWithoutBlocking()
    {
        Interlocked.Increment(ref _version);
        if (Monitor.TryEnter(_gate))
        {
            try
            {
                Monitor.PulseAll(_gate);
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    /// <summary>Blocks until a pulse after <paramref name="seen"/> (true), or until <paramref name="timeout"/> passes (false).</summary>
    public bool WaitBeyond(long seen, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        lock (_gate)
        {
            while (Version == seen)
            {
                var left = timeout - started.Elapsed;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return Version != seen;
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
