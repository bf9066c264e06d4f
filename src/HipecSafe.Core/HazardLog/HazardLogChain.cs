namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The end of a hash chain: the next sequence number, the last hash and the last procedure time. Immutable:
/// <see cref="Seal"/> returns the record and the chain after it, so a writer can keep the chain state of the last
/// durable record and roll back to it when a write fails.
/// </summary>
public sealed class HazardLogChain
{
    private HazardLogChain(long nextSequence, string lastHash, TimeSpan lastProcedureTime)
    {
        NextSequence = nextSequence;
        LastHash = lastHash;
        LastProcedureTime = lastProcedureTime;
    }

    /// <summary>An empty log: record 0 (the header) comes next and chains to <see cref="HazardLogFormat.GenesisHash"/>.</summary>
    public static HazardLogChain Genesis { get; } = new(0, HazardLogFormat.GenesisHash, TimeSpan.Zero);

    /// <summary>Continues a log after its last verified record (a torn tail is left behind; a corrupt log cannot be continued).</summary>
    public static HazardLogChain ContinueAfter(VerificationResult verified)
    {
        ArgumentNullException.ThrowIfNull(verified);
        if (verified.Status == VerificationStatus.Corrupt)
        {
            throw new ArgumentException($"a corrupt log cannot be continued: {verified.Describe()}", nameof(verified));
        }

        return new HazardLogChain(verified.RecordCount, verified.LastHash, verified.LastProcedureTime);
    }

    public long NextSequence { get; }
    public string LastHash { get; }
    public TimeSpan LastProcedureTime { get; }

    /// <summary>
    /// Gives the entry the next sequence number and computes its hash. Record 0 must be a <see cref="LogHeaderEntry"/>
    /// and no other record may be; procedure time may not go backwards (the writer clamps and records that first).
    /// </summary>
    public SealedRecord Seal(LogPriority priority, TimeSpan procedureTime, DateTimeOffset wallClockUtc, HazardLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EntryText.Defined(priority, nameof(priority));
        if (procedureTime < LastProcedureTime)
        {
            throw new ArgumentOutOfRangeException(
                nameof(procedureTime), procedureTime, $"procedure time may not go backwards: the last record is at {LastProcedureTime:c}");
        }

        if ((NextSequence == 0) != (entry is LogHeaderEntry))
        {
            throw new ArgumentException(
                NextSequence == 0 ? "record 0 must be the log header" : "only record 0 may be a log header", nameof(entry));
        }

        var utc = wallClockUtc.ToUniversalTime();
        var line = HazardLogFormat.EncodeSealedLine(NextSequence, procedureTime, utc, priority, entry, LastHash, out var hash);
        if (line.Length > HazardLogFormat.MaxLineBytes)
        {
            throw new HazardLogRecordTooLargeException(entry.Kind, line.Length);
        }

        var record = new HazardLogRecord(NextSequence, procedureTime, utc, priority, entry, LastHash, hash);
        return new SealedRecord(record, line, new HazardLogChain(NextSequence + 1, hash, procedureTime));
    }
}
