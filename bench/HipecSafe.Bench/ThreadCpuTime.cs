using System.Runtime.InteropServices;

namespace HipecSafe.Bench;

/// <summary>
/// The calling thread's own CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). The lockstep rig runs the
/// whole controller on the bench's thread, so this is the cycle's work without the time other processes take the core
/// away: on a shared machine it scatters far less than wall time. Null where the clock is not available.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return NativeMethods.clock_gettime(ClockThreadCpuTimeId, out var t) == 0
            ? TimeSpan.FromTicks((t.Seconds * TimeSpan.TicksPerSecond) + (t.Nanoseconds / 100))
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clock, out Timespec time);
    }
}
