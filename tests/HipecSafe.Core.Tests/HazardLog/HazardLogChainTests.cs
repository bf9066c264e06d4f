using HipecSafe.TestSupport;
using System.Security.Cryptography;
using System.Text;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Tests.HazardLog;

public class HazardLogChainTests
{
    [Fact]
    [Verifies("SRS-LG-001")]
    public void Every_kind_round_trips_through_the_file_format_and_the_chain_verifies()
    {
        var (bytes, written) = SampleLog.Build(SampleLog.EveryKind);
        var read = new List<HazardLogRecord>();

        var result = HazardLogVerifier.Verify(bytes, read.Add);

        Assert.Equal(VerificationStatus.Intact, result.Status);
        Assert.Equal(written, read);
        Assert.Equal(SampleLog.EveryKind.Count + 1, result.RecordCount);
        Assert.Equal(written[^1].Hash, result.LastHash);
        Assert.Equal(bytes.Length, result.VerifiedLength);
        Assert.Equal(SampleLog.Header, result.Header);
        Assert.Equal(
            Enum.GetValues<HazardLogKind>().Order(),
            read.Select(r => r.Kind).Distinct().Order());
    }

    [Fact]
    [Verifies("SRS-LG-002")]
    public void Canonical_form_is_fixed_and_the_hash_covers_it_and_the_previous_hash()
    {
        var sealedHeader = HazardLogChain.Genesis.Seal(
            LogPriority.Info, TimeSpan.Zero, new DateTimeOffset(2026, 3, 14, 10, 26, 53, TimeSpan.FromHours(1)), SampleLog.Header);
        var note = sealedHeader.Next.Seal(
            LogPriority.High, TimeSpan.FromMilliseconds(1500), SampleLog.Start.AddSeconds(1.5), new NoteEntry("42 °C \"ok\""));

        const string expectedCanonical =
            "{\"seq\":1,\"procedureTime\":\"00:00:01.5000000\",\"utc\":\"2026-03-14T09:26:54.5000000Z\",\"priority\":\"High\"," +
            "\"kind\":\"Note\",\"fields\":{\"text\":\"42 °C \\\"ok\\\"\"},\"prev\":\"";
        var line = Encoding.UTF8.GetString(note.Line.Span);
        var canonical = expectedCanonical + sealedHeader.Record.Hash + "\"}";
        var expectedHash = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes(canonical + sealedHeader.Record.Hash)));

        Assert.Equal(canonical[..^1] + ",\"hash\":\"" + expectedHash + "\"}\n", line);
        Assert.Equal(expectedHash, note.Record.Hash);
        Assert.Equal(TimeSpan.Zero, sealedHeader.Record.WallClockUtc.Offset);
        Assert.Equal(HazardLogFormat.GenesisHash, sealedHeader.Record.PreviousHash);
    }

    [Fact]
    public void Record_zero_must_be_the_header_and_only_record_zero()
    {
        var noHeader = Assert.Throws<ArgumentException>(
            () => HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.Zero, SampleLog.Start, new NoteEntry("x")));
        Assert.Contains("record 0 must be the log header", noHeader.Message, StringComparison.Ordinal);

        var afterHeader = HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.Zero, SampleLog.Start, SampleLog.Header).Next;
        var second = Assert.Throws<ArgumentException>(
            () => afterHeader.Seal(LogPriority.Info, TimeSpan.Zero, SampleLog.Start, SampleLog.Header));
        Assert.Contains("only record 0", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Procedure_time_may_not_go_backwards_in_a_chain()
    {
        var chain = HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.FromSeconds(5), SampleLog.Start, SampleLog.Header).Next;

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => chain.Seal(LogPriority.Info, TimeSpan.FromSeconds(4), SampleLog.Start, new NoteEntry("late")));

        Assert.Equal("procedureTime", error.ParamName);
        var same = chain.Seal(LogPriority.Info, TimeSpan.FromSeconds(5), SampleLog.Start, new NoteEntry("same cycle"));
        Assert.Equal(2, same.Next.NextSequence);
    }

    [Fact]
    public void An_oversized_record_is_refused_naming_the_limit()
    {
        var chain = HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.Zero, SampleLog.Start, SampleLog.Header).Next;

        var error = Assert.Throws<HazardLogRecordTooLargeException>(
            () => chain.Seal(LogPriority.Info, TimeSpan.Zero, SampleLog.Start, new NoteEntry(new string('x', HazardLogFormat.MaxLineBytes))));

        Assert.Contains("65536-byte limit", error.Message, StringComparison.Ordinal);
        Assert.Equal((HazardLogKind.Note, true), (error.Kind, error.LineBytes > HazardLogFormat.MaxLineBytes));
    }

    [Fact]
    public void A_chain_continues_after_a_verified_log_with_the_next_sequence_and_hash()
    {
        var (bytes, records) = SampleLog.Notes(3);
        var chain = HazardLogChain.ContinueAfter(HazardLogVerifier.Verify(bytes));

        var next = chain.Seal(LogPriority.Low, TimeSpan.FromSeconds(10), SampleLog.Start, new NoteEntry("more"));
        var extended = bytes.Concat(next.Line.ToArray()).ToArray();

        Assert.Equal(4, next.Record.Sequence);
        Assert.Equal(records[^1].Hash, next.Record.PreviousHash);
        Assert.True(HazardLogVerifier.Verify(extended).IsIntact);
    }

    [Fact]
    public void A_corrupt_log_cannot_be_continued()
    {
        var (bytes, _) = SampleLog.Notes(3);
        bytes[SampleLog.LineStarts(bytes)[2] + 3] ^= 0x01;

        Assert.Throws<ArgumentException>(() => HazardLogChain.ContinueAfter(HazardLogVerifier.Verify(bytes)));
    }
}
