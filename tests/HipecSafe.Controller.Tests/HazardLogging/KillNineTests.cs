using HipecSafe.TestSupport;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>
/// A real process appends high-priority records and acknowledges each on stdout once Append has returned; it is
/// killed with SIGKILL mid-stream. Every acknowledged record must be in the file and anchored by the head file, the
/// chain must verify, and the next writer to open the log must record that it was not sealed.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 200;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hipecsafe-kill9-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    [Verifies("SRS-LG-004", "SRS-LG-008", "SRS-LG-009")]
    public void Every_acknowledged_record_survives_kill_9_and_the_log_can_be_continued()
    {
        var path = Path.Combine(_directory.FullName, "hazard.jsonl");
        var acknowledged = new List<long>();
        var errors = new StringBuilder();
        using (var child = StartChild(path))
        {
            child.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            child.BeginErrorReadLine();
            // Only a safety net so a hung child cannot hang the run; the test itself waits on the child's output.
            using var safetyNet = new Timer(_ => Kill(child), null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);

            while (acknowledged.Count < AcknowledgementsBeforeKill && child.StandardOutput.ReadLine() is { } line)
            {
                Assert.StartsWith("ACK ", line, StringComparison.Ordinal);
                acknowledged.Add(long.Parse(line[4..], CultureInfo.InvariantCulture));
            }

            child.Kill(); // SIGKILL: no finally blocks, no Dispose, no flush
            child.WaitForExit();
        }

        Assert.True(acknowledged.Count == AcknowledgementsBeforeKill, $"the child stopped after {acknowledged.Count} acknowledgements: {errors}");
        var present = new HashSet<long>();
        var afterKill = VerifyAnchored(path, r => present.Add(r.Sequence));

        // A crash, not tampering: the head file vouches for every acknowledged record, and the log was not sealed.
        Assert.True(afterKill.Verdict is LogVerdict.NotSealed or LogVerdict.TornTail, afterKill.Describe());
        Assert.Equal(HeadFinding.Confirmed, afterKill.HeadFinding);
        Assert.True(afterKill.Head!.RecordCount > acknowledged.Max(), $"the head anchors {afterKill.Head.RecordCount} records; seq {acknowledged.Max()} was acknowledged");
        Assert.All(acknowledged, seq => Assert.Contains(seq, present));

        var utc = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
        using (var writer = HazardLogWriter.Open(new HazardLogWriterOptions(path, "kill-test-parent", "none")))
        {
            Assert.Equal(afterKill.Chain.RecordCount, writer.OpenedLog.RecordCount);
            writer.Append(LogPriority.High, writer.LastProcedureTime, utc, new NoteEntry("after the crash"));
            writer.Seal("end of the test");
        }

        var records = new List<HazardLogRecord>();
        var continued = VerifyAnchored(path, records.Add);
        Assert.True(continued.Verdict == LogVerdict.Intact, continued.Describe());
        // The new run's first record after any repair of a torn tail is the crash marker, with what the head had said.
        var marker = Assert.IsType<LogNotSealedEntry>(records.Single(r => r.Entry is LogNotSealedEntry).Entry);
        Assert.Equal((afterKill.Head.RecordCount, afterKill.Head.LastHash), (marker.HeadRecordCount!.Value, marker.HeadLastHash));
        Assert.Equal((afterKill.Chain.RecordCount, afterKill.Chain.LastHash), (marker.FoundRecordCount, marker.FoundLastHash));
        Assert.Equal(LogPriority.High, records.Single(r => r.Entry is LogNotSealedEntry).Priority);
        Assert.IsType<NoteEntry>(records[^2].Entry);
    }

    private static AnchoredVerification VerifyAnchored(string path, Action<HazardLogRecord> onRecord)
    {
        var head = File.ReadAllBytes(HazardLogHead.PathFor(path));
        using var log = File.OpenRead(path);
        return HazardLogVerifier.VerifyAnchored(log, head, onRecord);
    }

    private static Process StartChild(string logPath)
    {
        var childDll = Path.Combine(AppContext.BaseDirectory, "HipecSafe.LogWriterChild.dll");
        Assert.True(File.Exists(childDll), $"{childDll} is missing: the test project must reference HipecSafe.LogWriterChild");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(childDll);
        start.ArgumentList.Add(logPath);
        return Process.Start(start)!;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
