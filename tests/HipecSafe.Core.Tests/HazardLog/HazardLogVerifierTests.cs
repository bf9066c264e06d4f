using HipecSafe.TestSupport;
using System.Text;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Tests.HazardLog;

public class HazardLogVerifierTests
{
    [Fact]
    public void An_empty_log_is_intact_with_no_records()
    {
        var result = HazardLogVerifier.Verify(ReadOnlyMemory<byte>.Empty);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.RecordCount);
        Assert.Equal(HazardLogFormat.GenesisHash, result.LastHash);
        Assert.Equal("OK: the log is empty (no records).", result.Describe());
    }

    [Fact]
    public void Describe_for_an_intact_log_gives_count_hash_and_header()
    {
        var (bytes, records) = SampleLog.Notes(4);

        var text = HazardLogVerifier.Verify(bytes).Describe();

        Assert.StartsWith("OK: 5 records verify from the start; last good hash " + records[^1].Hash, text, StringComparison.Ordinal);
        Assert.Contains("device HIPEC-0042", text, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-003")]
    public void A_final_line_cut_anywhere_is_torn_not_broken_and_everything_before_it_verifies()
    {
        var (bytes, records) = SampleLog.Notes(5);
        var starts = SampleLog.LineStarts(bytes);
        var lastStart = starts[^2];

        for (var cut = lastStart + 1; cut < bytes.Length; cut++)
        {
            var result = HazardLogVerifier.Verify(bytes.AsMemory(0, cut));

            Assert.Equal(VerificationStatus.TornTail, result.Status);
            Assert.Equal(VerificationProblemKind.TornRecord, result.Problem!.Kind);
            Assert.Equal(starts.Count - 1, result.Problem.LineNumber);
            Assert.Equal(lastStart, result.Problem.ByteOffset);
            Assert.Equal(records.Count - 1, result.RecordCount);
            Assert.Equal(records[^2].Hash, result.LastHash);
            Assert.Equal(lastStart, result.VerifiedLength);
            Assert.StartsWith("TORN: line 6 at byte offset", result.Describe(), StringComparison.Ordinal);
        }
    }

    [Fact]
    [Verifies("SRS-LG-003")]
    public void Zero_filled_tail_after_a_power_loss_is_torn()
    {
        var (bytes, _) = SampleLog.Notes(2);

        var result = HazardLogVerifier.Verify(bytes.Concat(new byte[4096]).ToArray());

        Assert.Equal(VerificationStatus.TornTail, result.Status);
        Assert.Contains("4096 bytes without a line end", result.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-003")]
    public void Garbage_line_in_the_middle_is_corrupt_not_torn()
    {
        var (bytes, _) = SampleLog.Notes(4);
        var starts = SampleLog.LineStarts(bytes);
        var damaged = bytes[..starts[2]].Concat(Encoding.UTF8.GetBytes("{\"seq\":2,\n")).Concat(bytes[starts[2]..]).ToArray();

        var result = HazardLogVerifier.Verify(damaged);

        Assert.Equal(VerificationStatus.Corrupt, result.Status);
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Equal(3, result.Problem.LineNumber);
        Assert.Equal(starts[2], result.Problem.ByteOffset);
        Assert.Equal(2, result.RecordCount);
    }

    [Fact]
    [Verifies("SRS-LG-002")]
    public void An_altered_record_breaks_the_chain_with_expected_and_actual_hash()
    {
        var (bytes, records) = SampleLog.Notes(4);
        var text = Encoding.UTF8.GetString(bytes).Replace("note 2", "note 9", StringComparison.Ordinal);

        var result = HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(text));

        Assert.Equal(VerificationProblemKind.BrokenChain, result.Problem!.Kind);
        Assert.Equal(3, result.Problem.LineNumber);
        Assert.Equal(records[2].Hash, result.Problem.Actual);
        Assert.NotEqual(records[2].Hash, result.Problem.Expected);
        Assert.Contains("altered", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-002")]
    public void An_altered_record_with_its_own_hash_recomputed_breaks_the_link_to_the_next()
    {
        var (bytes, records) = SampleLog.Notes(4);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var forged = lines[2].Replace("note 2", "note 9", StringComparison.Ordinal);
        var canonical = Encoding.UTF8.GetBytes(forged[..forged.LastIndexOf(",\"hash\"", StringComparison.Ordinal)] + "}");
        var forgedHash = HazardLogFormat.ComputeHash(canonical, records[1].Hash);
        lines[2] = forged.Replace(records[2].Hash, forgedHash, StringComparison.Ordinal);

        var result = HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal(VerificationProblemKind.BrokenChain, result.Problem!.Kind);
        Assert.Equal(4, result.Problem.LineNumber);
        Assert.Equal(forgedHash, result.Problem.Expected);
        Assert.Equal(records[2].Hash, result.Problem.Actual);
    }

    [Fact]
    [Verifies("SRS-LG-002")]
    public void A_removed_record_is_a_sequence_gap()
    {
        var (bytes, _) = SampleLog.Notes(4);
        var starts = SampleLog.LineStarts(bytes);
        var removed = bytes[..starts[2]].Concat(bytes[starts[3]..]).ToArray();

        var result = HazardLogVerifier.Verify(removed);

        Assert.Equal(VerificationProblemKind.SequenceGap, result.Problem!.Kind);
        Assert.Equal(3, result.Problem.LineNumber);
        Assert.Equal("seq 2", result.Problem.Expected);
        Assert.Equal("seq 3", result.Problem.Actual);
    }

    [Fact]
    [Verifies("SRS-LG-002")]
    public void Swapped_records_are_detected_at_the_first_of_them()
    {
        var (bytes, _) = SampleLog.Notes(4);
        var s = SampleLog.LineStarts(bytes);
        var swapped = bytes[..s[2]].Concat(bytes[s[3]..s[4]]).Concat(bytes[s[2]..s[3]]).Concat(bytes[s[4]..]).ToArray();

        var result = HazardLogVerifier.Verify(swapped);

        Assert.Equal(VerificationProblemKind.SequenceGap, result.Problem!.Kind);
        Assert.Equal(3, result.Problem.LineNumber);
    }

    [Fact]
    [Verifies("SRS-LG-003")]
    public void Procedure_time_going_backwards_is_reported_with_both_times()
    {
        var header = HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.FromSeconds(10), SampleLog.Start, SampleLog.Header);
        // The chain refuses to go backwards, so forge the record with the format directly.
        var canonical = HazardLogFormat.EncodeCanonical(
            1, TimeSpan.FromSeconds(9), SampleLog.Start, LogPriority.Info, new NoteEntry("early"), header.Record.Hash);
        var line = HazardLogFormat.EncodeLine(canonical, HazardLogFormat.ComputeHash(canonical, header.Record.Hash));

        var result = HazardLogVerifier.Verify(header.Line.ToArray().Concat(line).ToArray());

        Assert.Equal(VerificationProblemKind.NonMonotonicProcedureTime, result.Problem!.Kind);
        Assert.Equal("at least 00:00:10", result.Problem.Expected);
        Assert.Equal("00:00:09", result.Problem.Actual);
    }

    [Fact]
    public void A_log_must_start_with_a_header_of_a_known_version()
    {
        var header = new LogHeaderEntry(HazardLogFormat.Version + 1, "dev", "prof", "id");
        var canonical = HazardLogFormat.EncodeCanonical(0, TimeSpan.Zero, SampleLog.Start, LogPriority.Info, header, HazardLogFormat.GenesisHash);
        var line = HazardLogFormat.EncodeLine(canonical, HazardLogFormat.ComputeHash(canonical, HazardLogFormat.GenesisHash));

        var result = HazardLogVerifier.Verify(line);

        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("unsupported format version (expected 1, found 2)", result.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"priority\":\"Low\"", "\"priority\":\"low\"", "property 'priority' is 'low', not one of Info, Low, Medium, High")]
    [InlineData("\"seq\":1,", "\"seq\":1.0,", "property 'seq' must be a whole number")]
    [InlineData("\"seq\":1,", "\"seq\":1,,", "invalid JSON")]
    [InlineData("\"text\":\"note 1\"", "\"text\":\"note 1\",\"x\":1", "unexpected property 'x'")]
    [InlineData("\"kind\":\"Note\"", "\"kind\":\"Nope\"", "property 'kind' is 'Nope'")]
    public void A_malformed_record_names_the_property(string original, string replacement, string expected)
    {
        var (bytes, _) = SampleLog.Notes(2);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Contains(original, lines[1], StringComparison.Ordinal);
        lines[1] = lines[1].Replace(original, replacement, StringComparison.Ordinal);

        var result = HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal(VerificationStatus.Corrupt, result.Status);
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Equal(2, result.Problem.LineNumber);
        Assert.Contains(expected, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_line_is_malformed_without_being_held_in_memory()
    {
        var (bytes, _) = SampleLog.Notes(1);
        var overlong = bytes.Concat(Enumerable.Repeat((byte)'x', HazardLogFormat.MaxLineBytes + 10)).Append((byte)'\n').ToArray();

        var result = HazardLogVerifier.Verify(overlong);

        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("65546 bytes, over the 65536-byte record limit", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_read_in_small_pieces_verifies_the_same()
    {
        var (bytes, _) = SampleLog.Build(SampleLog.EveryKind);
        using var trickle = new TrickleStream(bytes, 7);

        var result = HazardLogVerifier.Verify(trickle);

        Assert.True(result.IsIntact, result.Describe());
        Assert.Equal(SampleLog.EveryKind.Count + 1, result.RecordCount);
    }

    /// <summary>Returns at most a few bytes per read, as a pipe or a slow disk may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
