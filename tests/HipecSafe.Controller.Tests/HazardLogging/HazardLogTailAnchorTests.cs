using System.Text;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>
/// The writer's tail anchor (README.md, "Tail anchor"): the head file follows every high-priority record, flush and
/// seal, never ahead of what is on stable storage; a clean close seals the log; a log that was not sealed gets a crash
/// marker at the next open; and each way of losing tail records is seen, by the verifier and by the next writer.
/// </summary>
public class HazardLogTailAnchorTests : WriterFixture
{
    private HazardLogHead Head => HazardLogHead.TryDecode(FileSystem.Heads[HeadPath], out var head, out var problem)
        ? head!
        : throw new InvalidOperationException($"the head file is unreadable: {problem}");

    /// <summary>A log closed cleanly: header, a high and a low note, the seal.</summary>
    private void CleanRun()
    {
        using var writer = OpenWriter();
        Note(writer, LogPriority.High, "alarm raised", seconds: 1);
        Note(writer, LogPriority.Low, "pump speed changed", seconds: 2);
        writer.Seal("end of run");
    }

    [Fact]
    [Verifies("SRS-LG-008")]
    public void The_head_follows_each_high_priority_record_and_each_flush_once_they_are_on_stable_storage()
    {
        using var writer = OpenWriter();
        Assert.Equal(1, Head.RecordCount); // the header, written and anchored at open

        Note(writer, LogPriority.High, "alarm raised");
        Assert.Equal(2, Head.RecordCount);
        Assert.Equal(Records(LogFile.Durable)[^1].Hash, Head.LastHash);

        Note(writer, LogPriority.Low, "pump speed changed");
        Assert.Equal(2, Head.RecordCount); // written, not synced: not anchored

        Clock.Advance(SyncInterval);
        Assert.Equal(3, Records(LogFile.Durable).Count);
        Assert.Equal(2, Head.RecordCount); // the sync timer does not anchor (the documented gap)

        Assert.True(writer.Flush());
        Assert.Equal(3, Head.RecordCount);
        Assert.Equal(Records(LogFile.Durable)[^1].Hash, Head.LastHash);
    }

    [Fact]
    [Verifies("SRS-LG-008")]
    public void A_high_priority_record_that_could_not_be_synced_is_not_anchored()
    {
        using var writer = OpenWriter();
        Note(writer, LogPriority.High, "anchored");
        LogFile.SyncFails = true;

        Note(writer, LogPriority.High, "held in memory");
        LogFile.PowerLoss();

        Assert.Equal(2, Head.RecordCount);
        Assert.Equal(LogVerdict.NotSealed, VerifyAnchored().Verdict);
    }

    [Fact]
    [Verifies("SRS-LG-008", "SRS-LG-009", "SRS-LG-010")]
    public void A_clean_run_ends_with_its_seal_on_stable_storage_and_verifies_intact_against_its_head()
    {
        CleanRun();
        LogFile.PowerLoss();

        var check = VerifyAnchored();
        Assert.True(check.Verdict == LogVerdict.Intact, check.Describe());
        Assert.Equal("Sealed: end of run", Texts(Records(LogFile.Content))[^1]);
        Assert.Equal(LogPriority.High, Records(LogFile.Content)[^1].Priority);
        Assert.Equal(TimeSpan.FromSeconds(2), Records(LogFile.Content)[^1].ProcedureTime);
        Assert.Equal(4, Head.RecordCount);
    }

    [Fact]
    [Verifies("SRS-LG-009")]
    public void Reopening_a_log_that_was_not_sealed_records_the_crash_marker_with_what_the_head_said_first()
    {
        // The first writer is never closed: a crash after a high-priority record and one lower-priority record.
        var crashed = OpenWriter();
        Note(crashed, LogPriority.High, "anchored", seconds: 3);
        Note(crashed, LogPriority.Low, "written after the anchor", seconds: 4);
        var found = Records(LogFile.Content);
        var head = Head;

        using (var writer = OpenWriter())
        {
            Assert.Equal(LogVerdict.NotSealed, writer.Opened.Verdict);
            Note(writer, LogPriority.High, "next run", seconds: 5);
        }

        var records = Records(LogFile.Content);
        Assert.Equal(
            ["Header", "anchored", "written after the anchor",
             "Not sealed: the previous writer did not seal the log (crash, kill or power loss); its head file anchored 2 records, 1 more followed unanchored",
             "next run"],
            Texts(records));
        var marker = Assert.IsType<LogNotSealedEntry>(records[3].Entry);
        Assert.Equal(new LogNotSealedEntry(2, head.LastHash, 3, found[^1].Hash, marker.Detail), marker);
        Assert.Equal((LogPriority.High, TimeSpan.FromSeconds(4)), (records[3].Priority, records[3].ProcedureTime));
        Assert.Equal(5, Head.RecordCount);
    }

    [Theory]
    [InlineData(false, "was missing")]
    [InlineData(true, "was unreadable (head: property 'records' is missing)")]
    [Verifies("SRS-LG-009")]
    public void Reopening_a_log_whose_head_is_gone_says_so_in_the_crash_marker(bool unreadable, string headState)
    {
        var crashed = OpenWriter();
        Note(crashed, LogPriority.High, "anchored");
        if (unreadable)
        {
            FileSystem.Heads[HeadPath] = Encoding.UTF8.GetBytes("{\"format\":1,\"logId\":\"log-under-test\"}\n");
        }
        else
        {
            FileSystem.Heads.Remove(HeadPath);
        }

        using (var writer = OpenWriter())
        {
            Assert.Equal(LogVerdict.HeadMissing, writer.Opened.Verdict);
        }

        var marker = Assert.IsType<LogNotSealedEntry>(Records(LogFile.Content)[^1].Entry);
        Assert.Equal((null, null, 2L), (marker.HeadRecordCount, marker.HeadLastHash, marker.FoundRecordCount));
        Assert.Equal(
            $"the previous writer did not seal the log (crash, kill or power loss) and its head file {headState}: records lost from its end before this point cannot be detected",
            marker.Detail);
        Assert.Equal(3, Head.RecordCount); // anchored again from here on
    }

    [Fact]
    [Verifies("SRS-LG-009")]
    public void Reopening_a_sealed_log_whose_head_is_missing_records_a_fault_not_a_crash_marker()
    {
        CleanRun();
        FileSystem.Heads.Remove(HeadPath);

        using (OpenWriter())
        {
        }

        Assert.Equal(
            "Fault: the log ends with its seal, but its head file was missing: records lost from its end before this point cannot be detected",
            Texts(Records(LogFile.Content))[^1]);
    }

    public static TheoryData<string> Tamperings => ["the seal deleted", "cut after the header", "emptied", "another log's head"];

    /// <summary>What someone removing the end of <paramref name="log"/> (or swapping the head) would leave.</summary>
    private void Tamper(string how, byte[] log)
    {
        var lines = Encoding.UTF8.GetString(log).Split('\n')[..^1];
        string Keep(int count) => string.Concat(lines.Take(count).Select(l => l + "\n"));
        var kept = how switch
        {
            "the seal deleted" => Keep(lines.Length - 1),
            "cut after the header" => Keep(1),
            "emptied" => "",
            _ => Keep(lines.Length),
        };
        if (how == "another log's head")
        {
            FileSystem.Heads[HeadPath] = new HazardLogHead("0123456789abcdef0123456789abcdef", Head.RecordCount, Head.LastHash).Encode();
        }

        FileSystem.Files[LogPath] = new FakeLogFile();
        LogFile.AppendRaw(Encoding.UTF8.GetBytes(kept));
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    [Verifies("SRS-LG-010")]
    public void Lost_tail_records_are_seen_by_the_verifier_and_the_next_writer_refuses_the_log_leaving_it_as_it_is(string how)
    {
        CleanRun();
        Assert.Equal(VerificationStatus.Intact, HazardLogVerifier.Verify(LogFile.Content).Status);
        Tamper(how, LogFile.Content);
        var log = LogFile.Content;
        var head = FileSystem.Heads[HeadPath];

        Assert.Equal(VerificationStatus.Intact, HazardLogVerifier.Verify(log).Status); // the chain alone sees nothing
        Assert.Equal(LogVerdict.AnchorMismatch, VerifyAnchored().Verdict);
        var refused = Assert.Throws<HazardLogCorruptException>(() => OpenWriter());

        Assert.Equal(LogVerdict.AnchorMismatch, refused.Anchored!.Verdict);
        Assert.StartsWith($"hazard log '{LogPath}' does not match its head file and will not be appended to: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(log, LogFile.Content);
        Assert.Equal(head, FileSystem.Heads[HeadPath]);
        Assert.False(LogFile.IsOpen);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_deleted_head_of_a_sealed_log_is_no_head_for_the_verifier()
    {
        CleanRun();
        FileSystem.Heads.Remove(HeadPath);

        Assert.Equal(LogVerdict.HeadMissing, VerifyAnchored().Verdict);
    }

    [Fact]
    [Verifies("SRS-LG-006", "SRS-LG-008")]
    public void A_head_that_cannot_be_written_is_a_storage_failure_and_is_caught_up_on_recovery()
    {
        using var writer = OpenWriter();
        FileSystem.HeadWriteFails = true;

        var result = Note(writer, LogPriority.High, "alarm raised");

        Assert.Equal(new LogAppendResult(LogAppendOutcome.Durable, 1), result); // the record itself is on disk
        var degraded = Assert.IsType<HazardLogHealth.Degraded>(writer.Health);
        Assert.StartsWith("head file: I/O error: Input/output error", degraded.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Head.RecordCount);

        FileSystem.HeadWriteFails = false;
        Assert.Equal(LogAppendOutcome.Durable, Note(writer, LogPriority.Low, "after").Outcome);

        Assert.IsType<HazardLogHealth.Healthy>(writer.Health);
        var records = Records(LogFile.Durable);
        Assert.StartsWith("Fault: hazard log storage failed (head file: I/O error", Texts(records)[2], StringComparison.Ordinal);
        Assert.Equal("after", Texts(records)[3]);
        Assert.StartsWith("Fault: log storage recovered after 2 buffered records", Texts(records)[4], StringComparison.Ordinal);
        Assert.Equal((records.Count, records[^1].Hash), (Head.RecordCount, Head.LastHash));
    }
}
