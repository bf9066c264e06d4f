using HipecSafe.Controller;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Real-time cycle jitter: the lateness of each tick of <see cref="RealTimeCycleClock"/> (the clock thread that
/// drives the controller in operation) against its schedule, at the 100 ms cycle, once on the machine as it is
/// and once with every core kept busy by spinning threads (a build or another process competing for the CPU).
/// </summary>
internal static class CycleJitter
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <param name="withLoad">Also measure with every core kept busy (off for runs under a real-time scheduling policy, where spinning threads would inherit it).</param>
    /// <param name="name">Results file name (jitter, or e.g. jitter-fifo for a run under chrt).</param>
    public static void Execute(int seconds, bool withLoad = true, string name = "jitter")
    {
        var report = new BenchReport(name, "Real-time cycle jitter (RealTimeCycleClock.LatenessMs)");
        report.Line($"100 ms cycle, {seconds} s per condition ({seconds * 10} ticks); the tick handler only counts (the controller's clock callback posts one message). Target (issue 6): p99 ≤ 2 ms.")
            .Line();
        var rows = new List<IReadOnlyList<string>>();
        var conditions = withLoad
            ? new[] { ("as is", 0), ($"{Environment.ProcessorCount} spinning threads", Environment.ProcessorCount) }
            : new[] { ("as is", 0) };
        foreach (var (condition, load) in conditions)
        {
            var p = Measure(TimeSpan.FromSeconds(seconds), load);
            rows.Add([condition, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), F(p.At(50), "0.000"), F(p.At(99), "0.000"), F(p.Max, "0.000"), p.At(99) <= 2 ? "yes" : "**no**"]);
            Console.Error.WriteLine($"{condition}: p99 {F(p.At(99), "0.000")} ms");
        }

        report.Table(["condition", "ticks", "p50 ms", "p99 ms", "max ms", "p99 ≤ 2 ms"], rows);
        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- jitter --seconds {seconds}{(withLoad ? "" : " --no-load")}{(name == "jitter" ? "" : $" --name {name}")}");
    }

    public static Percentiles Measure(TimeSpan duration, int spinners)
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
        IReadOnlyList<double> lateness;
        using (var done = new ManualResetEventSlim())
        {
            var wanted = (long)(duration / Period);
            using var clock = new RealTimeCycleClock(Period, (cycle, _) =>
            {
                if (Interlocked.Increment(ref ticks) >= wanted)
                {
                    done.Set();
                }
            });
            clock.Start();
            done.Wait(duration + TimeSpan.FromSeconds(30));
            lateness = clock.LatenessMs;
        }

        stop.Cancel();
        load.ForEach(t => t.Join());
        return new Percentiles(lateness);
    }
}
