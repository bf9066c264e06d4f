using System.Diagnostics;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// Waiting for a condition in real time: polls it every few milliseconds until it holds, and fails with what was
/// awaited once the upper bound passes. The bound is a hang guard, never a statement about speed.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static void Until(Func<bool> condition, TimeSpan hangGuard, Func<string> awaited)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            if (started.Elapsed > hangGuard)
            {
                Assert.Fail($"still waiting after {hangGuard.TotalSeconds:0} s (hang guard) for {awaited()}");
            }

            Thread.Sleep(Interval);
        }
    }
}
