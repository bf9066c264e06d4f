using System.Diagnostics;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Rig;
using HipecSafe.Core.HazardLog;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Simulated-to-wall speed of a full procedure (default profile: ~1 h 54 min simulated, ~68,500 cycles), run
/// several times in one process: the first run is cold (JIT, like <c>hipecsafe simulate</c>), the rest warm. Each
/// cycle is split into the rig's share (plant, board emulators, sensor models: everything up to the last board
/// step) and the controller's (<c>ControllerRuntime.Step</c>: actors, Modbus over the virtual bus, interlocks,
/// control, alarms, hazard log), plus the auto operator between cycles.
/// </summary>
internal static class ProcedureSpeed
{
    public static readonly TimeSpan Limit = TimeSpan.FromHours(3);

    public sealed record Run(
        int Index,
        double SetupSeconds,
        double RunSeconds,
        double TeardownSeconds,
        long Cycles,
        double SimulatedSeconds,
        double CpuSeconds,
        long AllocatedBytes,
        int Gen0,
        int Gen1,
        int Gen2,
        double RigSeconds,
        double ControllerSeconds,
        double BetweenSeconds,
        long RigBytes,
        long ControllerBytes,
        Percentiles ControllerCycleMicros,
        long LockContentions,
        bool Completed,
        double? ThreadCpuSeconds)
    {
        public double TotalSeconds => SetupSeconds + RunSeconds + TeardownSeconds;
    }

    public static void Execute(int runs)
    {
        var report = new BenchReport("procedure-speed", "Simulated-to-wall speed of a full procedure");
        report.Line("Default profile, seed 1, auto operator, lockstep rig (plant + board emulators + virtual Modbus bus + real controller). ")
            .Line("Target: a 2 h procedure in ≤ 0.5 s wall. Wall time is what a user waits; CPU time is the process's (all threads).")
            .Line("Thread CPU is the stepping thread's own CPU time over the run (the lockstep controller runs on it): on a shared machine it scatters far less than wall time, so before/after comparisons use it.")
            .Line();
        var results = new List<Run>();
        for (var i = 1; i <= runs; i++)
        {
            results.Add(Measure(i, TreatmentProfile.Default, seed: 1));
            Console.Error.WriteLine($"run {i}: {F(results[^1].TotalSeconds)} s");
        }

        report.Table(
            ["run", "setup s", "run s", "teardown s", "total s", "cycles", "simulated", "simulated ÷ wall", "µs / cycle", "thread CPU µs / cycle", "CPU s", "alloc / cycle", "GC gen0/1/2"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Index == 1 ? "1 (cold)" : $"{r.Index} (warm)", F(r.SetupSeconds), F(r.RunSeconds), F(r.TeardownSeconds), F(r.TotalSeconds),
                r.Cycles.ToString(System.Globalization.CultureInfo.InvariantCulture), F(r.SimulatedSeconds / 3600, "0.00") + " h",
                F(r.SimulatedSeconds / r.TotalSeconds, "0") + "×", F(r.RunSeconds / r.Cycles * 1e6, "0.0"),
                r.ThreadCpuSeconds is { } tc ? F(tc / r.Cycles * 1e6, "0.0") : "n/a", F(r.CpuSeconds),
                F(r.AllocatedBytes / (double)r.Cycles / 1024, "0.0") + " KiB", $"{r.Gen0}/{r.Gen1}/{r.Gen2}",
            ]));

        var warm = results.Count > 1 ? results.Skip(1).ToList() : results;
        var best = warm.MinBy(r => r.RunSeconds)!;
        var perCycle = best.RunSeconds / best.Cycles * 1e6;
        report.Line($"Breakdown of run {best.Index} (per cycle, mean over {best.Cycles} cycles):").Line();
        report.Table(
            ["part", "µs / cycle", "share", "allocated / cycle"],
            [
                ["rig: 2 × (actuator board, plant step, limiter, sensor model, publish)", F(best.RigSeconds / best.Cycles * 1e6, "0.0"), F(best.RigSeconds / best.RunSeconds * 100, "0") + " %", Bytes(best.RigBytes / best.Cycles)],
                ["controller: ControllerRuntime.Step (whole actor chain incl. Modbus, interlocks, control, alarms, log)", F(best.ControllerSeconds / best.Cycles * 1e6, "0.0"), F(best.ControllerSeconds / best.RunSeconds * 100, "0") + " %", Bytes(best.ControllerBytes / best.Cycles)],
                ["between cycles: auto operator", F(best.BetweenSeconds / best.Cycles * 1e6, "0.0"), F(best.BetweenSeconds / best.RunSeconds * 100, "0") + " %", ""],
                ["total", F(perCycle, "0.0"), "100 %", Bytes(best.AllocatedBytes / best.Cycles)],
            ]);
        var c = best.ControllerCycleMicros;
        report.Line($"Controller step per cycle: p50 {F(c.At(50), "0.0")} µs, p99 {F(c.At(99), "0.0")} µs, max {F(c.Max, "0")} µs. " +
                    $"Contended lock acquisitions (Monitor.LockContentionCount) during run {best.Index}: {best.LockContentions}.")
            .Line()
            .Line($"At the warm rate a 2 h procedure (72,000 cycles) takes {F(perCycle * 72000 / 1e6)} s of stepping plus {F(best.SetupSeconds + best.TeardownSeconds)} s setup/teardown; " +
                  $"the 0.5 s target allows {F(0.5e6 / 72000, "0.0")} µs per cycle.")
            .Line()
            .Line("Outcome check (every run must be the same procedure): " + string.Join("; ", results.Select(r =>
                $"run {r.Index} {(r.Completed ? "Complete" : "not complete")} at {F(r.SimulatedSeconds, "0.0")} s")));
        ColdCli(report, runs: 3);
        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- procedure --runs {runs}");
    }

    /// <summary>
    /// What the procedure-speed target is about: <c>hipecsafe simulate</c> as a user runs it, a new process each time (runtime
    /// start, JIT with the CLI's own runtime settings, profile load, the procedure, teardown). The CLI must have been
    /// built next to this program (same configuration and artifacts layout); it is not a dependency of the bench.
    /// </summary>
    private static void ColdCli(BenchReport report, int runs)
    {
        var here = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.GetFullPath(Path.Combine(here, "..", "..", "HipecSafe.Cli", "release", "hipecsafe.dll")), // --artifacts-path layout
            Path.Combine(RepositoryRoot, "src", "HipecSafe.Cli", "bin", "Release", "net10.0", "hipecsafe.dll"),
        ];
        report.Line("Cold `hipecsafe simulate --json` (a new process per run, as a user waits for it; total = process wall, " +
                    "inner = the CLI's own wall_seconds from rig creation to summary):").Line();
        if (candidates.FirstOrDefault(File.Exists) is not { } cli)
        {
            report.Line($"not measured: no Release build of the CLI at {string.Join(" or ", candidates)} (build src/HipecSafe.Cli first)").Line();
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        for (var i = 1; i <= runs; i++)
        {
            var start = new ProcessStartInfo("dotnet", [cli, "simulate", "--json"]) { RedirectStandardOutput = true, UseShellExecute = false };
            var t0 = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + cli);
            var json = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var total = Seconds(Stopwatch.GetTimestamp() - t0);
            using var summary = System.Text.Json.JsonDocument.Parse(json);
            var root = summary.RootElement;
            rows.Add(
            [
                i.ToString(System.Globalization.CultureInfo.InvariantCulture), F(total), F(root.GetProperty("wall_seconds").GetDouble()),
                root.GetProperty("end_phase").GetString() ?? "?", F(root.GetProperty("simulated_seconds").GetDouble(), "0.0"),
                process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
            Console.Error.WriteLine($"cold simulate {i}: {F(total)} s");
        }

        report.Table(["run", "total s", "inner s", "end phase", "simulated s", "exit"], rows);
    }

    /// <summary>
    /// One procedure with timing. The loop is <see cref="ProcedureRunner.Run"/>'s (step, stop at Complete, let the
    /// auto operator act), written out so each part of a cycle can be timed.
    /// </summary>
    public static Run Measure(int index, TreatmentProfile profile, int seed)
    {
        var log = Path.Combine(Path.GetTempPath(), $"hipecsafe-bench-{Environment.ProcessId}-{index}.jsonl");
        File.Delete(log);
        File.Delete(HazardLogHead.PathFor(log));
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var contentions0 = Monitor.LockContentionCount;
        var t0 = Stopwatch.GetTimestamp();
        var rig = new SimulationRig(new RigOptions(profile, seed, log));
        var t1 = Stopwatch.GetTimestamp();
        var threadCpu0 = ThreadCpuTime.Now();
        long boardsDone = 0, boardsDoneBytes = 0;
        rig.BoardStepped += _ =>
        {
            boardsDone = Stopwatch.GetTimestamp();
            boardsDoneBytes = GC.GetAllocatedBytesForCurrentThread();
        };
        var op = new AutoOperator(profile);
        var completed = false;
        var controllerTicks = new List<double>(80_000);
        long rigTicks = 0, controllerTotal = 0, between = 0, cycles = 0, rigBytes = 0, controllerBytes = 0;
        while (rig.Now < Limit)
        {
            // Lockstep runs the whole controller on this thread, so this thread's allocations are the cycle's.
            var aBytes = GC.GetAllocatedBytesForCurrentThread();
            var a = Stopwatch.GetTimestamp();
            var cycle = rig.Step();
            var b = Stopwatch.GetTimestamp();
            var bBytes = GC.GetAllocatedBytesForCurrentThread();
            cycles++;
            rigBytes += boardsDoneBytes - aBytes;
            controllerBytes += bBytes - boardsDoneBytes;
            rigTicks += boardsDone - a;
            controllerTotal += b - boardsDone;
            controllerTicks.Add((b - boardsDone) * 1e6 / Stopwatch.Frequency);
            if (cycle.Report is { Phase: Phase.Complete })
            {
                completed = true;
                between += Stopwatch.GetTimestamp() - b;
                break;
            }

            op.Act(rig);
            between += Stopwatch.GetTimestamp() - b;
        }

        var t2 = Stopwatch.GetTimestamp();
        var threadCpu = ThreadCpuTime.Now() - threadCpu0;
        rig.Dispose();
        var t3 = Stopwatch.GetTimestamp();
        process.Refresh();
        var result = new Run(
            index,
            Seconds(t1 - t0),
            Seconds(t2 - t1),
            Seconds(t3 - t2),
            cycles,
            rig.Now.TotalSeconds,
            (process.TotalProcessorTime - cpu0).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - alloc0,
            GC.CollectionCount(0) - g0,
            GC.CollectionCount(1) - g1,
            GC.CollectionCount(2) - g2,
            Seconds(rigTicks),
            Seconds(controllerTotal),
            Seconds(between),
            rigBytes,
            controllerBytes,
            new Percentiles(controllerTicks),
            Monitor.LockContentionCount - contentions0,
            completed,
            threadCpu?.TotalSeconds);
        File.Delete(log);
        File.Delete(HazardLogHead.PathFor(log));
        return result;
    }

    private static string Bytes(long bytes) => bytes >= 1024 ? F(bytes / 1024.0, "0.0") + " KiB" : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B";

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;
}
