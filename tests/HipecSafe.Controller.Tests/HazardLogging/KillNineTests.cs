using HipecSafe.TestSupport;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>
/// A real process appends high-priority records and acknowledges each on stdout once Append has returned; it is
/// killed with SIGKILL mid-stream. Every acknowledged record must be in the file and the chain must verify.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 200;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hipecsafe-kill9-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    [Verifies("SRS-LG-004")]
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
        VerificationResult afterKill;
        using (var log = File.OpenRead(path))
        {
            afterKill = HazardLogVerifier.Verify(log, r => present.Add(r.Sequence));
        }

        Assert.True(afterKill.Status != VerificationStatus.Corrupt, afterKill.Describe());
        Assert.All(acknowledged, seq => Assert.Contains(seq, present));

        using (var writer = HazardLogWriter.Open(new HazardLogWriterOptions(path, "kill-test-parent", "none")))
        {
            Assert.Equal(afterKill.RecordCount, writer.OpenedLog.RecordCount);
            writer.Append(LogPriority.High, writer.LastProcedureTime, DateTimeOffset.UtcNow, new NoteEntry("after the crash"));
        }

        using (var log = File.OpenRead(path))
        {
            var continued = HazardLogVerifier.Verify(log);
            Assert.True(continued.IsIntact, continued.Describe());
        }
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
