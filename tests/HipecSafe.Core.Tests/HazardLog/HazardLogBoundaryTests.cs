using System.Text;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Tests.HazardLog;

/// <summary>
/// Hash chain and verifier at their edges: argument checks, the record size limit, and tampered lines that must be
/// reported as malformed (with the reason) rather than merely as a broken chain.
/// </summary>
public class HazardLogBoundaryTests
{
    private static readonly DateTimeOffset Utc = SampleLog.Start;

    /// <summary>A header and one note; the note's line is handed to <paramref name="tamper"/> and the log verified.</summary>
    private static VerificationResult VerifyWithTamperedNote(Func<string, string> tamper)
    {
        var (bytes, _) = SampleLog.Notes(1);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        lines[1] = tamper(lines[1]);
        return HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private static SealedRecord SealNote(HazardLogChain chain, string text) =>
        chain.Seal(LogPriority.Info, TimeSpan.FromSeconds(1), Utc, new NoteEntry(text));

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => HazardLogChain.ContinueAfter(null!));
        Assert.Throws<ArgumentNullException>(() => HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.Zero, Utc, null!));
        Assert.Throws<ArgumentNullException>(() => HazardLogVerifier.Verify((Stream)null!));
    }

    [Fact]
    public void An_undefined_priority_is_refused_naming_the_field()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            HazardLogChain.Genesis.Seal((LogPriority)99, TimeSpan.Zero, Utc, SampleLog.Header));
        Assert.Equal("priority", ex.ParamName);
    }

    [Fact]
    public void A_record_of_exactly_the_line_limit_is_sealed_and_one_byte_more_is_refused()
    {
        var chain = HazardLogChain.Genesis.Seal(LogPriority.Info, TimeSpan.Zero, Utc, SampleLog.Header).Next;
        var probe = SealNote(chain, "x").Line.Length; // ASCII text: one character is one byte of line
        var fitting = new string('x', 1 + HazardLogFormat.MaxLineBytes - probe);

        Assert.Equal(HazardLogFormat.MaxLineBytes, SealNote(chain, fitting).Line.Length);
        Assert.Throws<HazardLogRecordTooLargeException>(() => SealNote(chain, fitting + "x"));
    }

    [Fact]
    public void A_missing_record_is_reported_as_sequence_skipping_ahead()
    {
        var (bytes, _) = SampleLog.Notes(2);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        lines.RemoveAt(1);
        var result = HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        Assert.Equal(VerificationProblemKind.SequenceGap, result.Problem!.Kind);
        Assert.Equal("sequence number skips ahead: records are missing", result.Problem.Detail);
    }

    [Fact]
    public void A_repeated_record_is_reported_as_sequence_repeating()
    {
        var (bytes, _) = SampleLog.Notes(1);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        lines.Insert(2, lines[1]);
        var result = HazardLogVerifier.Verify(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        Assert.Equal(VerificationProblemKind.SequenceGap, result.Problem!.Kind);
        Assert.Equal("sequence number repeats or goes back: records were inserted or moved", result.Problem.Detail);
        Assert.Equal(2, result.RecordCount);
    }

    [Fact]
    public void A_line_without_the_hash_property_at_its_end_is_malformed_saying_so()
    {
        var result = VerifyWithTamperedNote(line => line[..line.LastIndexOf(",\"hash\"", StringComparison.Ordinal)] + "}");
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("does not end with the hash property", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_in_uppercase_hex_is_malformed_not_accepted()
    {
        var result = VerifyWithTamperedNote(line =>
        {
            var at = line.LastIndexOf(",\"hash\":\"", StringComparison.Ordinal) + 9;
            return line[..at] + line[at..^2].ToUpperInvariant() + "\"}";
        });
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("does not end with the hash property", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prev_of_64_uppercase_hex_digits_is_malformed_naming_prev()
    {
        var result = VerifyWithTamperedNote(line =>
        {
            var at = line.IndexOf("\"prev\":\"", StringComparison.Ordinal) + 8;
            return line[..at] + line.Substring(at, 64).ToUpperInvariant() + line[(at + 64)..];
        });
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("property 'prev'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_hash_property_is_malformed_as_an_unexpected_property()
    {
        var result = VerifyWithTamperedNote(line => line.Insert(line.LastIndexOf(",\"hash\"", StringComparison.Ordinal), ",\"hash\":\"x\""));
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("unexpected property 'hash'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_the_first_byte_of_a_line_is_reported_at_byte_0()
    {
        var (bytes, _) = SampleLog.Notes(1);
        var secondLine = SampleLog.LineStarts(bytes)[1];
        bytes[secondLine] = 0xFF; // was '{'
        var result = HazardLogVerifier.Verify(bytes);
        Assert.Equal(VerificationProblemKind.MalformedRecord, result.Problem!.Kind);
        Assert.Contains("not valid UTF-8 (byte 0 of the line)", result.Problem.Detail, StringComparison.Ordinal);
    }
}
