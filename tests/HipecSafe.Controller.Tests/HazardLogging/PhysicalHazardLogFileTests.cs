using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

public sealed class PhysicalHazardLogFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hipecsafe-hazardlog-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_log_on_disk_is_created_appended_reopened_and_verifies()
    {
        var path = Path.Combine(_directory.FullName, "hazard.jsonl");
        var options = new HazardLogWriterOptions(path, "HIPEC-0042", "default-41C");
        var utc = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

        using (var writer = HazardLogWriter.Open(options))
        {
            Assert.Equal(32, writer.Header.LogId.Length);
            Assert.Equal(LogAppendOutcome.Durable, writer.Append(LogPriority.High, TimeSpan.FromSeconds(1), utc, new NoteEntry("one")).Outcome);
            Assert.Equal(LogAppendOutcome.Written, writer.Append(LogPriority.Info, TimeSpan.FromSeconds(2), utc, new NoteEntry("two")).Outcome);
        }

        using (var writer = HazardLogWriter.Open(options))
        {
            Assert.Equal(3, writer.Append(LogPriority.High, TimeSpan.FromSeconds(3), utc, new NoteEntry("three")).Sequence);
        }

        using var stream = File.OpenRead(path);
        var result = HazardLogVerifier.Verify(stream);
        Assert.True(result.IsIntact, result.Describe());
        Assert.Equal(4, result.RecordCount);
    }
}
