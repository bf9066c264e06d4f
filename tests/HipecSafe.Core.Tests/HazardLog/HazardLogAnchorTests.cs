using System.Text;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.HazardLog;

/// <summary>
/// A log checked against its head file (README.md, "Tail anchor"): the three losses the chain alone cannot see — an
/// empty log, a log cut at a record boundary, a log whose last record was deleted — and a log that was not sealed.
/// </summary>
public class HazardLogAnchorTests
{
    private const string LogId = "5f0c6a1e9d7b4c2a8e3f1b0d9c8a7e6f";

    /// <summary>A header, three notes and the seal; the head anchors every record.</summary>
    private static (byte[] Log, byte[] Head, IReadOnlyList<HazardLogRecord> Records) SealedLog()
    {
        var (log, records) = SampleLog.Build([
            (LogPriority.Low, new NoteEntry("note 1")),
            (LogPriority.High, new NoteEntry("note 2")),
            (LogPriority.Low, new NoteEntry("note 3")),
            (LogPriority.High, new LogSealedEntry("end of run"))]);
        return (log, HeadOf(records, records.Count), records);
    }

    private static byte[] HeadOf(IReadOnlyList<HazardLogRecord> records, int count) =>
        new HazardLogHead(LogId, count, records[count - 1].Hash).Encode();

    private static byte[] FirstLines(byte[] log, int lines) => log[..SampleLog.LineStarts(log)[lines]];

    private static AnchoredVerification Check(byte[] log, byte[]? head) => HazardLogVerifier.VerifyAnchored(new MemoryStream(log), head);

    [Fact]
    [Verifies("SRS-LG-008", "SRS-LG-010")]
    public void A_sealed_log_that_holds_everything_its_head_anchors_is_intact()
    {
        var (log, head, records) = SealedLog();

        var check = Check(log, head);

        Assert.Equal(LogVerdict.Intact, check.Verdict);
        Assert.Equal(HeadFinding.Confirmed, check.HeadFinding);
        Assert.True(check.IsSealed);
        Assert.Equal(records[^1].Hash, check.HashAtHead);
        Assert.StartsWith("OK: 5 records verify from the start", check.Describe(), StringComparison.Ordinal);
        Assert.Contains("It ends with its seal (\"end of run\").", check.Describe(), StringComparison.Ordinal);
        Assert.Contains("The head file confirms all 5 records.", check.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1)] // the seal, the last record, deleted
    [InlineData(2, 3)] // cut at a record boundary further back
    [InlineData(1, 4)] // only the header left
    [Verifies("SRS-LG-010")]
    public void A_log_cut_at_a_record_boundary_is_tail_lost(int linesKept, int lost)
    {
        var (log, head, _) = SealedLog();

        var check = Check(FirstLines(log, linesKept), head);

        Assert.Equal(VerificationStatus.Intact, check.Chain.Status); // the chain alone sees nothing wrong
        Assert.Equal(LogVerdict.AnchorMismatch, check.Verdict);
        Assert.Equal(HeadFinding.RecordsMissing, check.HeadFinding);
        Assert.StartsWith(
            $"TAIL LOST: the head file anchors 5 records ending in hash {HazardLogHead.Decode(head).LastHash}, but only {linesKept} verify: the last {lost} anchored records were removed or lost.",
            check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void An_empty_log_with_a_head_is_tail_lost()
    {
        var (_, head, _) = SealedLog();

        var check = Check([], head);

        Assert.Equal(VerificationStatus.Intact, check.Chain.Status);
        Assert.Equal(LogVerdict.AnchorMismatch, check.Verdict);
        Assert.StartsWith("TAIL LOST: the head file anchors 5 records", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_log_rebuilt_with_fresh_hashes_from_the_anchored_record_on_has_another_hash_there()
    {
        var (log, head, _) = SealedLog();
        // Everything up to record 3 kept; records 4 on replaced by a new chain continuing from record 3's hash.
        var kept = FirstLines(log, 4);
        var verified = HazardLogVerifier.Verify(kept);
        var forged = HazardLogChain.ContinueAfter(verified).Seal(LogPriority.High, TimeSpan.FromSeconds(9), SampleLog.Start, new LogSealedEntry("end of run, honestly"));

        var check = Check([.. kept, .. forged.Line.Span], head);

        Assert.Equal(VerificationStatus.Intact, check.Chain.Status);
        Assert.Equal(LogVerdict.AnchorMismatch, check.Verdict);
        Assert.Equal(HeadFinding.HashDiffers, check.HeadFinding);
        Assert.StartsWith($"ANCHOR MISMATCH: record 4 has hash {forged.Record.Hash}, but the head file says", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_head_of_another_log_is_a_mismatch()
    {
        var (log, _, records) = SealedLog();
        var otherHead = new HazardLogHead("0123456789abcdef0123456789abcdef", records.Count, records[^1].Hash).Encode();

        var check = Check(log, otherHead);

        Assert.Equal(LogVerdict.AnchorMismatch, check.Verdict);
        Assert.Equal(HeadFinding.OtherLog, check.HeadFinding);
        Assert.StartsWith($"ANCHOR MISMATCH: the head file anchors log 0123456789abcdef0123456789abcdef, but this is log {LogId}", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_log_with_records_and_no_head_says_so()
    {
        var (log, _, _) = SealedLog();

        var check = Check(log, head: null);

        Assert.Equal(LogVerdict.HeadMissing, check.Verdict);
        Assert.Equal(HeadFinding.Missing, check.HeadFinding);
        Assert.StartsWith("NO HEAD: the head file is missing, so records lost from the end of the log cannot be detected. It ends with its seal", check.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\":1,\"logId\":\"x\",\"records\":5}\n")]
    [InlineData("{\"format\":1,\"records\":5,\"logId\":\"x\",\"lastHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}\n")]
    [InlineData("{\"format\":2,\"logId\":\"x\",\"records\":5,\"lastHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}\n")]
    [InlineData("{\"format\":1,\"logId\":\"x\",\"records\":0,\"lastHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}\n")]
    [InlineData("{\"format\":1,\"logId\":\"x\",\"records\":5,\"lastHash\":\"ABCD\"}\n")]
    [InlineData("{\"format\":1,\"logId\":\"x\",\"records\":5,\"lastHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}")]
    [Verifies("SRS-LG-010")]
    public void A_head_that_is_not_a_well_formed_head_is_unreadable_and_said_why(string head)
    {
        var (log, _, _) = SealedLog();

        var check = Check(log, Encoding.UTF8.GetBytes(head));

        Assert.Equal(LogVerdict.HeadMissing, check.Verdict);
        Assert.Equal(HeadFinding.Unreadable, check.HeadFinding);
        Assert.False(string.IsNullOrEmpty(check.HeadProblem));
        Assert.StartsWith($"NO HEAD: the head file is unreadable ({check.HeadProblem})", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-009", "SRS-LG-010")]
    public void A_log_that_does_not_end_with_its_seal_is_not_sealed_even_when_its_head_matches()
    {
        var (log, _, records) = SealedLog();
        var withoutSeal = FirstLines(log, 4);

        var check = Check(withoutSeal, HeadOf(records, 2));

        Assert.Equal(LogVerdict.NotSealed, check.Verdict);
        Assert.Equal(HeadFinding.Confirmed, check.HeadFinding);
        Assert.Equal(2, check.UnanchoredRecords);
        Assert.StartsWith("NOT SEALED (crash or still open): It does not end with a seal: the last record is a Note (seq 3)", check.Describe(), StringComparison.Ordinal);
        Assert.Contains("The head file confirms the first 2 records; the last 2 were written after the last anchor.", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void An_empty_log_without_a_head_has_nothing_to_check_and_is_not_sealed()
    {
        var check = Check([], head: null);

        Assert.Equal(LogVerdict.NotSealed, check.Verdict);
        Assert.StartsWith("NOT SEALED: the log is empty and has no head file", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-003", "SRS-LG-010")]
    public void A_torn_tail_after_everything_the_head_anchors_is_torn_not_a_mismatch()
    {
        var (log, _, records) = SealedLog();
        var torn = FirstLines(log, 4).Concat(Encoding.UTF8.GetBytes("{\"seq\":4,\"procedureTi")).ToArray();

        var check = Check(torn, HeadOf(records, 3));

        Assert.Equal(LogVerdict.TornTail, check.Verdict);
        Assert.StartsWith("TORN: ", check.Describe(), StringComparison.Ordinal);
        Assert.EndsWith("The head file confirms the first 3 records; the last 1 were written after the last anchor.", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_torn_tail_that_cuts_into_anchored_records_is_tail_lost()
    {
        var (log, head, _) = SealedLog();
        var torn = FirstLines(log, 4).Concat(Encoding.UTF8.GetBytes("{\"seq\":4,\"procedureTi")).ToArray();

        var check = Check(torn, head);

        Assert.Equal(LogVerdict.AnchorMismatch, check.Verdict);
        Assert.Contains("but only 4 verify (the log then ends in a torn record): the last 1 anchored records were removed or lost.", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void Corruption_is_reported_first_whatever_the_head_says()
    {
        var (log, head, _) = SealedLog();
        var tampered = (byte[])log.Clone();
        tampered[Encoding.UTF8.GetString(tampered).IndexOf("note 2", StringComparison.Ordinal)] = (byte)'N';

        var check = Check(tampered, head);

        Assert.Equal(LogVerdict.Corrupt, check.Verdict);
        Assert.StartsWith("CORRUPT (BrokenChain): line 3", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-008")]
    public void The_head_is_one_line_of_json_in_the_documented_property_order()
    {
        var hash = new string('7', HazardLogFormat.HashLength);

        var bytes = new HazardLogHead(LogId, 12, hash).Encode();

        Assert.Equal($"{{\"format\":1,\"logId\":\"{LogId}\",\"records\":12,\"lastHash\":\"{hash}\"}}\n", Encoding.UTF8.GetString(bytes));
        Assert.True(HazardLogHead.TryDecode(bytes, out var read, out _));
        Assert.Equal(new HazardLogHead(LogId, 12, hash), read);
        Assert.Equal("/var/lib/hipecsafe/hazard-1.jsonl.head", HazardLogHead.PathFor("/var/lib/hipecsafe/hazard-1.jsonl"));
    }
}
