namespace HipecSafe.Core.HazardLog;

/// <summary>
/// What a hazard-log record says happened. One immutable record type per event family; the envelope (sequence,
/// times, priority, hashes) is in <see cref="HazardLogRecord"/>.
/// </summary>
public abstract record HazardLogEntry
{
    public abstract HazardLogKind Kind { get; }
}
