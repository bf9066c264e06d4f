using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.HazardLogging;

public sealed class PhysicalHazardLogFileTests : IDisposable
{
    private static readonly DateTimeOffset Utc = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hipecsafe-hazardlog-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string LogPath => Path.Combine(_directory.FullName, "hazard.jsonl");

    private AnchoredVerification VerifyAnchored()
    {
        var head = PhysicalHazardLogFileSystem.Instance.ReadHead(HazardLogHead.PathFor(LogPath));
        using var stream = File.OpenRead(LogPath);
        return HazardLogVerifier.VerifyAnchored(stream, head);
    }

    [Fact]
    [Verifies("SRS-LG-008", "SRS-LG-009")]
    public void A_log_on_disk_is_created_appended_sealed_reopened_and_verifies_intact_against_its_head()
    {
        var options = new HazardLogWriterOptions(LogPath, "HIPEC-0042", "default-41C");

        using (var writer = HazardLogWriter.Open(options))
        {
            Assert.Equal(32, writer.Header.LogId.Length);
            Assert.Equal(LogAppendOutcome.Durable, writer.Append(LogPriority.High, TimeSpan.FromSeconds(1), Utc, new NoteEntry("one")).Outcome);
            Assert.Equal(LogAppendOutcome.Written, writer.Append(LogPriority.Info, TimeSpan.FromSeconds(2), Utc, new NoteEntry("two")).Outcome);
            Assert.Equal(LogAppendOutcome.Durable, writer.Seal("end of the first run").Outcome);
        }

        using (var writer = HazardLogWriter.Open(options))
        {
            Assert.Equal(LogVerdict.Intact, writer.Opened.Verdict);
            Assert.Equal(4, writer.Append(LogPriority.High, TimeSpan.FromSeconds(3), Utc, new NoteEntry("three")).Sequence);
            writer.Seal("end of the second run");
        }

        var check = VerifyAnchored();
        Assert.True(check.Verdict == LogVerdict.Intact, check.Describe());
        Assert.Equal(6, check.Chain.RecordCount);
        Assert.Equal(new HazardLogHead(check.Chain.Header!.LogId, 6, check.Chain.LastHash), check.Head);
        Assert.Equal(["hazard.jsonl", "hazard.jsonl.head"], _directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_log_on_disk_whose_sealed_tail_was_cut_off_is_refused_and_left_as_it_is()
    {
        var options = new HazardLogWriterOptions(LogPath, "HIPEC-0042", "default-41C");
        using (var writer = HazardLogWriter.Open(options))
        {
            writer.Append(LogPriority.High, TimeSpan.FromSeconds(1), Utc, new NoteEntry("one"));
            writer.Seal("end of run");
        }

        // Cut at the start of the last line: the chain alone still verifies.
        var bytes = File.ReadAllBytes(LogPath);
        var cut = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        File.WriteAllBytes(LogPath, bytes[..cut]);
        var head = File.ReadAllBytes(HazardLogHead.PathFor(LogPath));

        var refused = Assert.Throws<HazardLogCorruptException>(() => HazardLogWriter.Open(options));

        Assert.Equal(LogVerdict.AnchorMismatch, refused.Anchored!.Verdict);
        Assert.Contains("TAIL LOST: the head file anchors 3 records", refused.Message, StringComparison.Ordinal);
        Assert.Equal(bytes[..cut], File.ReadAllBytes(LogPath));
        Assert.Equal(head, File.ReadAllBytes(HazardLogHead.PathFor(LogPath)));
        Assert.Equal(LogVerdict.AnchorMismatch, VerifyAnchored().Verdict);
    }
}
