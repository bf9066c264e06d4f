using HipecSafe.Controller.Clock;
using System.Globalization;
using System.Runtime.InteropServices;
using HipecSafe.Controller;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Real-time cycle jitter: the lateness of each wake-up of <see cref="RealTimeCycleClock"/> (the clock thread that
/// drives the controller in operation) against its deadline, at the 100 ms cycle, on the machine as it is and with
/// every core kept busy by spinning threads (a build or another process competing for the CPU); once with the clock
/// thread raised as in operation (SCHED_FIFO where the process may) and once left an ordinary thread, for comparison.
/// Also the clock thread's own CPU time (its sleep-then-spin wait), read on that thread.
/// </summary>
internal static class CycleJitter
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <param name="withLoad">Also measure with every core kept busy (off for runs under a real-time scheduling policy, where spinning threads would inherit it).</param>
    /// <param name="name">Results file name (jitter, or e.g. jitter-fifo for a run under chrt).</param>
    public static void Execute(int seconds, bool withLoad = true, string name = "jitter")
    {
        var report = new BenchReport(name, "Real-time cycle jitter (RealTimeCycleClock.LatenessMs)");
        report.Line($"100 ms cycle, {seconds} s per condition ({seconds * 10} ticks); the tick handler only counts (the controller's clock callback posts one message). Target: p99 ≤ 2 ms.")
            .Line("Clock thread: \"raised\" is the clock as the controller runs it (it asks for SCHED_FIFO, else nice −10); \"ordinary\" leaves it at the default policy. Clock CPU: the clock thread's own CPU time over the run (CLOCK_THREAD_CPUTIME_ID), mostly the short spin before each deadline.")
            .Line();
        var rows = new List<IReadOnlyList<string>>();
        var loads = withLoad ? new[] { 0, Environment.ProcessorCount } : [0];
        foreach (var raise in new[] { true, false })
        {
            foreach (var load in loads)
            {
                var condition = load == 0 ? "as is" : $"{load} spinning threads";
                var m = Measure(TimeSpan.FromSeconds(seconds), load, raise);
                var p = m.Lateness;
                rows.Add([raise ? "raised" : "ordinary", m.Scheduling, condition, p.Count.ToString(CultureInfo.InvariantCulture), F(p.At(50), "0.000"), F(p.At(99), "0.000"),
                    F(p.Max, "0.000"), F(m.CpuPercent, "0.000"), p.At(99) <= 2 ? "yes" : "**no**"]);
                Console.Error.WriteLine($"{(raise ? "raised" : "ordinary")} ({m.Scheduling}), {condition}: p50 {F(p.At(50), "0.000")} p99 {F(p.At(99), "0.000")} max {F(p.Max, "0.000")} ms, clock CPU {F(m.CpuPercent, "0.000")} %");
            }
        }

        report.Table(["clock thread", "scheduling it got", "condition", "ticks", "p50 ms", "p99 ms", "max ms", "clock CPU %", "p99 ≤ 2 ms"], rows);
        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- jitter --seconds {seconds}{(withLoad ? "" : " --no-load")}{(name == "jitter" ? "" : $" --name {name}")}");
    }

    public sealed record Measurement(Percentiles Lateness, string Scheduling, double CpuPercent);

    public static Measurement Measure(TimeSpan duration, int spinners, bool raise)
    {
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, spinners).Select(_ => new Thread(() =>
        {
            var x = 0UL;
            while (!stop.IsCancellationRequested)
            {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        })
        { IsBackground = true, Name = "bench-load" }).ToList();
        load.ForEach(t => t.Start());
        long ticks = 0;
        TimeSpan? cpuFirst = null, cpuLast = null, wallFirst = null, wallLast = null;
        IReadOnlyList<double> lateness;
        string scheduling;
        using (var done = new ManualResetEventSlim())
        {
            var wanted = (long)(duration / Period);
            var wall = System.Diagnostics.Stopwatch.StartNew();
            using var clock = new RealTimeCycleClock(Period, (cycle, _) =>
            {
                // On the clock thread: its CPU time between the first and the last tick is the cost of waiting.
                var cpu = ThreadCpuTime();
                cpuFirst ??= cpu;
                wallFirst ??= wall.Elapsed;
                cpuLast = cpu;
                wallLast = wall.Elapsed;
                if (Interlocked.Increment(ref ticks) >= wanted)
                {
                    done.Set();
                }
            }, new RealTimeCycleClockOptions { RaisePriority = raise });
            clock.Start();
            done.Wait(duration + TimeSpan.FromSeconds(30));
            lateness = clock.LatenessMs;
            scheduling = clock.Scheduling;
        }

        stop.Cancel();
        load.ForEach(t => t.Join());
        var cpuPercent = cpuFirst is { } c0 && cpuLast is { } c1 && wallFirst is { } w0 && wallLast is { } w1 && w1 > w0
            ? (c1 - c0) / (w1 - w0) * 100
            : double.NaN;
        return new Measurement(new Percentiles(lateness), scheduling, cpuPercent);
    }

    private static TimeSpan ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        _ = NativeMethods.clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t);
        return TimeSpan.FromTicks((t.Seconds * TimeSpan.TicksPerSecond) + (t.Nanoseconds / 100));
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
        public static extern int clock_gettime(int clockId, out Timespec time);
    }
}
