using System.Globalization;
using System.Runtime.InteropServices;

namespace HipecSafe.Controller.Clock;

/// <summary>
/// Puts a real-time thread (the cycle clock; in the HIL rig, the emulated boards' step thread, which stands for
/// independent hardware) ahead of everything else on the machine, as far as the process may: on Linux SCHED_FIFO at
/// a low real-time priority, so that a deadline wake-up preempts any ordinary thread (a build, a test run, the
/// controller's own actors) instead of queueing behind it; failing that (no CAP_SYS_NICE nor RLIMIT_RTPRIO), nice
/// −10. Only the calling thread: SCHED_RESET_ON_FORK keeps threads it happens to create (a thread-pool worker started
/// by a message send) ordinary, and .NET starts its threads at the default policy anyway. Such a thread must mostly
/// sleep — the clock sleeps, spins ~0.1 ms and posts a message per cycle — so it cannot starve the rest; the
/// kernel's real-time throttling (95 % by default) stops one that spins away.
/// </summary>
public static class RealTimeThreadScheduling
{
    /// <summary>Low in the real-time range (1–99): above every ordinary thread, below the kernel's own real-time threads.</summary>
    public const int FifoPriority = 10;

    private const int SchedOther = 0;
    private const int SchedFifo = 1;
    private const int SchedResetOnFork = 0x40000000;
    private const int PrioProcess = 0;
    private const int RaisedNice = -10;

    /// <summary>Raises the calling thread and says what it got (for measurements and reports).</summary>
    public static string RaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            return "ThreadPriority.Highest";
        }

        try
        {
            var fifo = new SchedParam { Priority = FifoPriority };
            if (NativeMethods.sched_setscheduler(0, SchedFifo | SchedResetOnFork, ref fifo) == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"SCHED_FIFO priority {FifoPriority}");
            }

            var fifoError = Marshal.GetLastPInvokeError();
            var other = new SchedParam { Priority = 0 };
            _ = NativeMethods.sched_setscheduler(0, SchedOther | SchedResetOnFork, ref other);
            // PRIO_PROCESS with who = 0 is the calling thread on Linux (nice values are per thread).
            if (NativeMethods.setpriority(PrioProcess, 0, RaisedNice) == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"nice {RaisedNice} (SCHED_FIFO refused, errno {fifoError})");
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"ordinary (SCHED_FIFO refused, errno {fifoError}; nice {RaisedNice} refused, errno {Marshal.GetLastPInvokeError()})");
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
        {
            return "ordinary (no libc to raise the thread)";
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int sched_setscheduler(int pid, int policy, ref SchedParam param);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int setpriority(int which, int who, int priority);
    }
}
