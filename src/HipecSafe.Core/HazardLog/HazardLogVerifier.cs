using System.Globalization;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Checks a hazard log from its first byte: every line a well-formed record, record 0 a header of a known format,
/// sequence numbers 0, 1, 2, …, each record's hash matching its content and its prev matching the record before,
/// procedure time never going backwards. Stops at the first problem. Pure: reads only the stream it is given.
/// </summary>
public static class HazardLogVerifier
{
    /// <summary>Verifies a log read from <paramref name="log"/>; <paramref name="onRecord"/> sees each record that verified.</summary>
    public static VerificationResult Verify(Stream log, Action<HazardLogRecord>? onRecord = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var reader = new LogLineReader(log);
        var state = new Progress();
        while (reader.TryRead(out var line))
        {
            var problem = Check(line, state, out var record);
            if (problem is not null)
            {
                return state.Result(problem.Kind == VerificationProblemKind.TornRecord ? VerificationStatus.TornTail : VerificationStatus.Corrupt, problem);
            }

            onRecord?.Invoke(record!);
            state.Accept(record!, line);
        }

        return state.Result(VerificationStatus.Intact, problem: null);
    }

    /// <summary>Verifies a log held in memory.</summary>
    public static VerificationResult Verify(ReadOnlyMemory<byte> log, Action<HazardLogRecord>? onRecord = null)
    {
        using var stream = new MemoryStream(log.ToArray(), writable: false);
        return Verify(stream, onRecord);
    }

    /// <summary>
    /// Verifies a log and compares its end with its head file's content (<paramref name="head"/>; null when there is
    /// no head file). Read the head before the log: a writer replaces the head only after the records it anchors are
    /// on stable storage, so a log read after its head can only be longer, never shorter, than the head says.
    /// </summary>
    public static AnchoredVerification VerifyAnchored(Stream log, byte[]? head, Action<HazardLogRecord>? onRecord = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        HazardLogHead? anchor = null;
        string? headProblem = null;
        if (head is not null)
        {
            HazardLogHead.TryDecode(head, out anchor, out headProblem);
        }

        string? hashAtHead = null;
        HazardLogRecord? last = null;
        var chain = Verify(log, record =>
        {
            if (anchor is not null && record.Sequence == anchor.RecordCount - 1)
            {
                hashAtHead = record.Hash;
            }

            last = record;
            onRecord?.Invoke(record);
        });

        var finding = head is null ? HeadFinding.Missing
            : anchor is null ? HeadFinding.Unreadable
            : chain.Header is { } header && header.LogId != anchor.LogId ? HeadFinding.OtherLog
            : chain.RecordCount < anchor.RecordCount ? HeadFinding.RecordsMissing
            : hashAtHead != anchor.LastHash ? HeadFinding.HashDiffers
            : HeadFinding.Confirmed;
        var verdict = chain.Status == VerificationStatus.Corrupt ? LogVerdict.Corrupt
            : finding is HeadFinding.OtherLog or HeadFinding.RecordsMissing or HeadFinding.HashDiffers ? LogVerdict.AnchorMismatch
            : finding == HeadFinding.Unreadable || (finding == HeadFinding.Missing && chain.RecordCount > 0) ? LogVerdict.HeadMissing
            : chain.Status == VerificationStatus.TornTail ? LogVerdict.TornTail
            : last?.Entry is not LogSealedEntry ? LogVerdict.NotSealed
            : LogVerdict.Intact;
        return new AnchoredVerification(verdict, chain, anchor, finding, headProblem, hashAtHead, last);
    }

    private static VerificationProblem? Check(LogLine line, Progress state, out HazardLogRecord? record)
    {
        record = null;
        if (!line.Terminated)
        {
            return Problem(VerificationProblemKind.TornRecord, line, Invariant($"the final line is incomplete ({line.Length} bytes without a line end)"));
        }

        if (line.IsOverlong)
        {
            return Problem(VerificationProblemKind.MalformedRecord, line, Invariant($"the line is {line.Length} bytes, over the {HazardLogFormat.MaxLineBytes}-byte record limit"));
        }

        if (line.Length == 0)
        {
            return Problem(VerificationProblemKind.MalformedRecord, line, "empty line where a record should be");
        }

        DecodedLine decoded;
        try
        {
            decoded = HazardLogFormat.Decode(line.Content);
        }
        catch (HazardLogFormatException malformed)
        {
            return Problem(VerificationProblemKind.MalformedRecord, line, malformed.Message);
        }

        var candidate = decoded.Record;
        if (decoded.ContentHash != candidate.Hash)
        {
            return Problem(VerificationProblemKind.BrokenChain, line,
                "the record's content does not match its stored hash: the record was altered after it was written",
                expected: decoded.ContentHash, actual: candidate.Hash);
        }

        if (candidate.Sequence != state.RecordCount)
        {
            return Problem(VerificationProblemKind.SequenceGap, line,
                candidate.Sequence > state.RecordCount ? "sequence number skips ahead: records are missing" : "sequence number repeats or goes back: records were inserted or moved",
                expected: Invariant($"seq {state.RecordCount}"), actual: Invariant($"seq {candidate.Sequence}"));
        }

        if (candidate.PreviousHash != state.LastHash)
        {
            return Problem(VerificationProblemKind.BrokenChain, line,
                "the record's prev does not match the previous record's hash: records were removed, inserted or replaced",
                expected: state.LastHash, actual: candidate.PreviousHash);
        }

        if (state.RecordCount == 0)
        {
            if (candidate.Entry is not LogHeaderEntry header)
            {
                return Problem(VerificationProblemKind.MalformedRecord, line, Invariant($"record 0 must be a LogHeader, found {candidate.Kind}"));
            }

            if (header.FormatVersion != HazardLogFormat.Version)
            {
                return Problem(VerificationProblemKind.MalformedRecord, line,
                    "unsupported format version", expected: Invariant($"{HazardLogFormat.Version}"), actual: Invariant($"{header.FormatVersion}"));
            }
        }
        else if (candidate.Entry is LogHeaderEntry)
        {
            return Problem(VerificationProblemKind.MalformedRecord, line, "only record 0 may be a LogHeader");
        }

        if (candidate.ProcedureTime < state.LastProcedureTime)
        {
            return Problem(VerificationProblemKind.NonMonotonicProcedureTime, line,
                "procedure time goes backwards",
                expected: Invariant($"at least {state.LastProcedureTime:c}"), actual: Invariant($"{candidate.ProcedureTime:c}"));
        }

        record = candidate;
        return null;
    }

    private static VerificationProblem Problem(
        VerificationProblemKind kind, LogLine line, string detail, string? expected = null, string? actual = null) =>
        new(kind, line.Number, line.Offset, detail, expected, actual);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What has verified so far.</summary>
    private sealed class Progress
    {
        public long RecordCount { get; private set; }
        public string LastHash { get; private set; } = HazardLogFormat.GenesisHash;
        public TimeSpan LastProcedureTime { get; private set; }
        public LogHeaderEntry? Header { get; private set; }
        public long VerifiedLength { get; private set; }

        public void Accept(HazardLogRecord record, LogLine line)
        {
            Header ??= record.Entry as LogHeaderEntry;
            RecordCount++;
            LastHash = record.Hash;
            LastProcedureTime = record.ProcedureTime;
            VerifiedLength = line.Offset + line.Length + 1;
        }

        public VerificationResult Result(VerificationStatus status, VerificationProblem? problem) =>
            new(status, RecordCount, LastHash, LastProcedureTime, Header, VerifiedLength, problem);
    }
}
