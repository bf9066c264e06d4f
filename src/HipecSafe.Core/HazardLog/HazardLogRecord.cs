namespace HipecSafe.Core.HazardLog;

/// <summary>
/// One line of the hazard log: the envelope (sequence from 0, procedure time since start, wall-clock UTC, priority)
/// around an entry, with the previous record's hash and this record's own hash.
/// </summary>
public sealed record HazardLogRecord(
    long Sequence,
    TimeSpan ProcedureTime,
    DateTimeOffset WallClockUtc,
    LogPriority Priority,
    HazardLogEntry Entry,
    string PreviousHash,
    string Hash)
{
    public HazardLogKind Kind => Entry.Kind;
}
