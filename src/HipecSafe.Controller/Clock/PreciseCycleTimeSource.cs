using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HipecSafe.Controller.Clock;

/// <summary>
/// Stopwatch time, and a wait for an absolute deadline in three stages, each finer and shorter than the one before:
/// a sleep that a stop interrupts, until <see cref="CoarseMargin"/> before the deadline (WaitHandle waits have
/// millisecond resolution); on Linux a clock_nanosleep on CLOCK_MONOTONIC, the Stopwatch's clock, until
/// <see cref="SpinMargin"/> before it (microsecond resolution, and no timer slack on a real-time thread); then a spin
/// to the deadline itself. Deadlines are absolute, so a late wake-up never shifts the ones after it. The spin costs
/// about 0.1 ms of CPU per cycle; elsewhere than Linux the second stage is a spin too (2–3 ms per cycle).
/// </summary>
public sealed class PreciseCycleTimeSource : ICycleTimeSource
{
    /// <summary>How long before a deadline the interruptible sleep ends (its millisecond truncation plus wake-up).</summary>
    public static readonly TimeSpan CoarseMargin = TimeSpan.FromMilliseconds(2);

    /// <summary>How long before a deadline the fine sleep ends and the spin begins.</summary>
    public static readonly TimeSpan SpinMargin = TimeSpan.FromMicroseconds(100);

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    private long _start;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _start));

    public void Start() => Volatile.Write(ref _start, Stopwatch.GetTimestamp());

    public bool WaitUntil(TimeSpan deadline, CancellationToken stopRequested)
    {
        // A WaitHandle wait truncates to whole milliseconds: below one, it would return at once and spin.
        for (var left = deadline - Elapsed; left - CoarseMargin >= OneMillisecond; left = deadline - Elapsed)
        {
            if (stopRequested.WaitHandle.WaitOne(left - CoarseMargin))
            {
                return false;
            }
        }

        if (stopRequested.IsCancellationRequested)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            SleepPrecisely(deadline - SpinMargin);
        }

        while (Elapsed < deadline)
        {
            Thread.SpinWait(10);
        }

        return true;
    }

    private void SleepPrecisely(TimeSpan until)
    {
        for (var left = until - Elapsed; left > TimeSpan.Zero; left = until - Elapsed)
        {
            var request = new Timespec { Seconds = left.Ticks / TimeSpan.TicksPerSecond, Nanoseconds = left.Ticks % TimeSpan.TicksPerSecond * 100 };
            int result;
            try
            {
                result = NativeMethods.clock_nanosleep(ClockMonotonic, 0, ref request, IntPtr.Zero);
            }
            catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
            {
                return; // no libc call available: the spin covers the rest
            }

            // 0: slept the whole request; EINTR: a signal woke the thread early, sleep the rest. Anything else: spin.
            if (result != 0 && result != Eintr)
            {
                return;
            }
        }
    }

    private const int ClockMonotonic = 1;
    private const int Eintr = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        // Returns the error number itself (not -1 with errno).
        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_nanosleep(int clockId, int flags, ref Timespec request, IntPtr remaining);
    }
}
