using System.Diagnostics;
using System.Globalization;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// What the disk costs the hazard log (OI-11): N high-priority appends to a real log file, each written, fsynced and
/// anchored in the head file before Append returns, timing the log's fsync, the head's replacement and the whole
/// append; then the same through the pump's writer thread, timing what the hazard-log actor now spends per record (the
/// enqueue) while the writer thread waits for the disk.
/// </summary>
internal static class FsyncLatency
{
    private const int PumpedAppends = 2000;
    private const int WarmUp = 50;

    public static void Execute(int appends, string? directory)
    {
        var temporary = directory is null ? Directory.CreateTempSubdirectory("hipecsafe-fsync-") : null;
        var dir = directory ?? temporary!.FullName;
        Directory.CreateDirectory(dir);
        var report = new BenchReport("fsync", "Hazard-log fsync latency and what the pump leaves the hazard-log actor"); // load average at start
        try
        {
            var direct = Direct(Path.Combine(dir, "direct.jsonl"), appends);
            // Fewer through the pump: the enqueue's cost does not depend on how long the disk takes.
            var pumped = ThroughThePump(Path.Combine(dir, "pumped.jsonl"), Math.Min(appends, PumpedAppends));
            report.Line($"{appends} high-priority records (a Fault of ~150 bytes each) appended to a log in {FileSystemOf(dir)}. Each is written, fsynced and then anchored (head file: write temporary, fsync, rename, fsync the directory) before Append returns.")
                .Line("\"fsync\" is the log file's fsync (FileStream.Flush(true)); \"head\" the whole head replacement; \"append\" one HazardLogWriter.Append of a high-priority record, i.e. what the writer thread spends per high-priority record.")
                .Line($"\"enqueue\" is HazardLogPump.Enqueue on the writer-thread pump (what the hazard-log actor now does per record), {Math.Min(appends, PumpedAppends)} high-priority records handed over back to back (after {WarmUp} unmeasured) while the writer thread appends them to another file.")
                .Line();
            report.Table(["operation", "samples", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "mean ms"],
                [Row("fsync (log file)", direct.Fsync), Row("head replacement", direct.Head), Row("append, high priority", direct.Append), Row("enqueue (pump)", pumped)]);
            var worst = direct.Append.Max;
            var overPeriod = direct.AppendMs.Count(ms => ms > 100);
            var overThree = direct.AppendMs.Count(ms => ms > 300);
            report.Line($"Before the pump, the hazard-log actor did these appends on its own thread, between health pings: {overPeriod} of the {appends} appends here took longer than one 100 ms cycle (each a missed health round: heater off and heartbeat withheld for that round, GATE-HEALTH-ROUND), {overThree} longer than three cycles (three rounds missed in a row fail the actor: safe command and SafeState).")
                .Line();
            report.Line($"Bound. The hazard-log actor's work per record is the enqueue (p99 {F(pumped.At(99), "0.000")} ms, max {F(pumped.Max, "0.000")} ms here, no I/O), so a health ping waits at most for the records queued in front of it in the actor's mailbox, never for the disk. The disk's time lands on the writer thread: a high-priority record is durable after its wait in the queue plus about one append (p99 {F(direct.Append.At(99), "0.0")} ms, max {F(worst, "0.0")} ms here). A record that has waited 2 s (the stall limit, {F(2000 / worst, "0")} times the worst append measured) or a full queue (4096 records) raises LOG-UNAVAILABLE; neither withholds the heartbeat.")
                .Line();
            report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- fsync --appends {appends}{(directory is null ? "" : $" --dir {directory}")}");
        }
        finally
        {
            temporary?.Delete(recursive: true);
        }
    }

    private sealed record DirectResult(Percentiles Fsync, Percentiles Head, Percentiles Append, IReadOnlyList<double> AppendMs);

    private static DirectResult Direct(string path, int appends)
    {
        var files = new TimedLogFileSystem();
        var append = new List<double>(appends);
        using (var writer = HazardLogWriter.Open(new HazardLogWriterOptions(path, "bench", "fsync") { FileSystem = files }))
        {
            files.Reset();
            for (var i = 0; i < appends; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = writer.Append(LogPriority.High, TimeSpan.FromMilliseconds(i * 100), DateTimeOffset.UtcNow, Record(i));
                append.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (result.Outcome != LogAppendOutcome.Durable)
                {
                    throw new IOException($"append {i} was {result.Outcome}: {writer.Health}");
                }
            }
        }

        Console.Error.WriteLine($"direct: fsync p99 {F(new Percentiles(files.FsyncMs).At(99))} ms, append p99 {F(new Percentiles(append).At(99))} ms");
        return new DirectResult(new Percentiles(files.FsyncMs), new Percentiles(files.HeadMs), new Percentiles(append), append);
    }

    private static Percentiles ThroughThePump(string path, int appends)
    {
        var enqueue = new List<double>(appends);
        using var writer = HazardLogWriter.Open(new HazardLogWriterOptions(path, "bench", "fsync"));
        using (var pump = new HazardLogPump(writer, new HazardLogPumpOptions { WriterThread = true, Capacity = appends + WarmUp }))
        {
            for (var i = 0; i < WarmUp; i++)
            {
                pump.Enqueue(LogPriority.High, TimeSpan.Zero, DateTimeOffset.UtcNow, Record(-1)); // JIT, first wake-up of the thread
            }

            for (var i = 0; i < appends; i++)
            {
                var started = Stopwatch.GetTimestamp();
                pump.Enqueue(LogPriority.High, TimeSpan.FromMilliseconds(i * 100), DateTimeOffset.UtcNow, Record(i));
                enqueue.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            using var flushed = new ManualResetEventSlim();
            pump.Flush(_ => flushed.Set());
            flushed.Wait();
        }

        Console.Error.WriteLine($"pump: enqueue p99 {F(new Percentiles(enqueue).At(99), "0.000")} ms");
        return new Percentiles(enqueue);
    }

    private static FaultEntry Record(int i) => new("bench", string.Create(CultureInfo.InvariantCulture,
        $"high-priority record {i} of the fsync benchmark, about as long as an interlock trip's description"));

    private static IReadOnlyList<string> Row(string name, Percentiles p) =>
        [name, p.Count.ToString(CultureInfo.InvariantCulture), F(p.At(50), "0.000"), F(p.At(99), "0.000"), F(p.At(99.9), "0.000"), F(p.Max, "0.000"), F(p.Mean, "0.000")];

    /// <summary>The file system the directory is on, from /proc/mounts (the longest mount point that contains it).</summary>
    private static string FileSystemOf(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            var mount = File.ReadLines("/proc/mounts")
                .Select(l => l.Split(' '))
                .Where(f => f.Length > 2 && (full == f[1] || full.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
                .MaxBy(f => f[1].Length);
            return mount is null ? "an unknown file system" : $"a {mount[2]} file system on {mount[0]}";
        }
        catch (IOException)
        {
            return "an unknown file system";
        }
    }
}
