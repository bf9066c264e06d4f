using System.Diagnostics;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Rig;
using HipecSafe.Core.HazardLog;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Memory over a full default procedure (~2 h simulated): the GC heap (in use after the last collection and
/// committed) and the process working set, sampled every simulated minute; the live heap after a forced full
/// collection at the start and the end shows whether anything grows with procedure length.
/// </summary>
internal static class MemoryOverRun
{
    private const int SampleEveryCycles = 600;

    public static void Execute()
    {
        var profile = TreatmentProfile.Default;
        var report = new BenchReport("memory", "Memory over a full procedure");
        var log = Path.Combine(Path.GetTempPath(), $"hipecsafe-bench-memory-{Environment.ProcessId}.jsonl");
        File.Delete(log);
        File.Delete(HazardLogHead.PathFor(log));
        var process = Process.GetCurrentProcess();
        var samples = new List<(TimeSpan Time, string Phase, double HeapMiB, double CommittedMiB, double WorkingSetMiB)>();
        double liveStart, liveEnd;
        long cycles = 0;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var gc0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauses0 = GC.GetTotalPauseDuration();
        using (var rig = new SimulationRig(new RigOptions(profile, 1, log)))
        {
            liveStart = LiveHeapMiB();
            ProcedureRunner.Run(rig, TimeSpan.FromHours(3), c =>
            {
                if (++cycles % SampleEveryCycles == 0 || cycles == 1)
                {
                    process.Refresh();
                    var info = GC.GetGCMemoryInfo();
                    samples.Add((c.Time, c.Report?.Phase.ToString() ?? "-", info.HeapSizeBytes / Mi, info.TotalCommittedBytes / Mi, process.WorkingSet64 / Mi));
                }
            });
            liveEnd = LiveHeapMiB();
        }

        File.Delete(log);

        File.Delete(HazardLogHead.PathFor(log));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
        report.Line($"Default profile, seed 1, {cycles} cycles ({F(cycles / 36000.0, "0.00")} h simulated), sampled every {SampleEveryCycles} cycles (1 simulated minute).")
            .Line()
            .Table(["", "min", "max", "last"],
            [
                ["GC heap after last GC, MiB", F(samples.Min(s => s.HeapMiB), "0.0"), F(samples.Max(s => s.HeapMiB), "0.0"), F(samples[^1].HeapMiB, "0.0")],
                ["GC committed, MiB", F(samples.Min(s => s.CommittedMiB), "0.0"), F(samples.Max(s => s.CommittedMiB), "0.0"), F(samples[^1].CommittedMiB, "0.0")],
                ["working set, MiB", F(samples.Min(s => s.WorkingSetMiB), "0.0"), F(samples.Max(s => s.WorkingSetMiB), "0.0"), F(samples[^1].WorkingSetMiB, "0.0")],
            ])
            .Line($"Live heap after a full blocking collection: {F(liveStart, "0.00")} MiB once the rig is built, {F(liveEnd, "0.00")} MiB at the end of the procedure " +
                  $"({F(liveEnd - liveStart, "+0.00;-0.00")} MiB over {F(cycles / 36000.0, "0.00")} h).")
            .Line()
            .Line($"Allocated in total: {F(allocated / Mi, "0")} MiB, {F(allocated / (double)cycles / 1024, "0.0")} KiB per cycle; collections gen0/1/2: " +
                  $"{GC.CollectionCount(0) - gc0.Item1}/{GC.CollectionCount(1) - gc0.Item2}/{GC.CollectionCount(2) - gc0.Item3}; GC pauses {F((GC.GetTotalPauseDuration() - pauses0).TotalMilliseconds, "0")} ms in total.")
            .Line()
            .Line("Samples every 10 simulated minutes:")
            .Line()
            .Table(["time", "phase", "GC heap MiB", "committed MiB", "working set MiB"],
                samples.Where((_, i) => i % 10 == 0 || i == samples.Count - 1).Select(s => (IReadOnlyList<string>)
                    [s.Time.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture), s.Phase, F(s.HeapMiB, "0.0"), F(s.CommittedMiB, "0.0"), F(s.WorkingSetMiB, "0.0")]));
        report.Save("dotnet run -c Release --project bench/HipecSafe.Bench -- memory");
    }

    private const double Mi = 1024.0 * 1024.0;

    private static double LiveHeapMiB()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false) / Mi;
    }
}
