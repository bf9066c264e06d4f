using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.DeviceHost.Tests;

/// <summary>
/// The device writes one log per run, so a run that died leaves an unsealed log that no later writer reopens. At start
/// the device checks the previous run's log against its head (SRS-DH-005): intact and sealed says nothing; a log that
/// was not sealed (crash, kill, power loss) gives a crash marker; a log that does not match its head gives a fault.
/// </summary>
public sealed class PreviousRunLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hipecsafe-prev-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteLog(string name, int notes, bool seal)
    {
        var path = Path.Combine(_dir, name);
        using var writer = HazardLogWriter.Open(new HazardLogWriterOptions(path, "dev-1", "profile-1"));
        for (var i = 0; i < notes; i++)
        {
            writer.Append(LogPriority.High, TimeSpan.FromSeconds(i), DateTimeOffset.UnixEpoch, new NoteEntry($"note {i}"));
        }

        if (seal)
        {
            writer.Seal("test: clean stop");
        }

        return path;
    }

    [Fact]
    [Verifies("SRS-DH-005")]
    public void A_sealed_log_that_matches_its_head_leaves_nothing_to_record()
    {
        var path = WriteLog("hazard-20260101T000000Z.jsonl", 3, seal: true);

        Assert.Null(PreviousRunLog.Check(path));
    }

    [Fact]
    [Verifies("SRS-DH-005")]
    public void A_log_its_run_did_not_seal_gives_a_crash_marker_with_what_its_head_anchored()
    {
        // Disposing without a seal anchors everything (header + 3 notes) but leaves the log unsealed: a killed run's log.
        var path = WriteLog("hazard-20260101T000000Z.jsonl", 3, seal: false);

        var marker = Assert.IsType<LogNotSealedEntry>(PreviousRunLog.Check(path));

        Assert.Equal(4, marker.FoundRecordCount);
        Assert.Equal(4, marker.HeadRecordCount);
        Assert.Contains("was not sealed", marker.Detail, StringComparison.Ordinal);
        Assert.Contains("hazard-20260101T000000Z.jsonl", marker.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-DH-005")]
    public void A_log_shorter_than_its_head_gives_a_fault_naming_the_lost_tail()
    {
        var path = WriteLog("hazard-20260101T000000Z.jsonl", 3, seal: true);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^2]); // the seal and the last note removed after they were anchored

        var fault = Assert.IsType<FaultEntry>(PreviousRunLog.Check(path));

        Assert.Equal("hazard log", fault.Source);
        Assert.Contains("TAIL LOST", fault.Description, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-DH-005")]
    public void The_previous_run_is_the_newest_log_by_name_other_than_the_new_one()
    {
        WriteLog("hazard-20260101T000000Z.jsonl", 1, seal: true);
        var newest = WriteLog("hazard-20260102T000000Z.jsonl", 1, seal: true);
        var self = Path.Combine(_dir, "hazard-20260103T000000Z.jsonl");
        File.WriteAllText(self, "");

        Assert.Equal(newest, PreviousRunLog.Find(_dir, "hazard-*.jsonl", self));
        Assert.Null(PreviousRunLog.Find(Path.Combine(_dir, "missing"), "hazard-*.jsonl", self));
    }
}
