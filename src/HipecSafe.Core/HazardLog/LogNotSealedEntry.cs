namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The crash marker: written when a writer opens a log whose previous writer did not seal it. It keeps what the head
/// file anchored (null when there was no usable head) next to what was found in the log, so a reader can see how many
/// records followed the last anchor unanchored.
/// </summary>
public sealed record LogNotSealedEntry(long? HeadRecordCount, string? HeadLastHash, long FoundRecordCount, string FoundLastHash, string Detail)
    : HazardLogEntry
{
    public long? HeadRecordCount { get; } = HeadRecordCount is null or >= 0
        ? HeadRecordCount
        : throw new ArgumentOutOfRangeException(nameof(HeadRecordCount), HeadRecordCount, "HeadRecordCount must not be negative.");

    public string? HeadLastHash { get; } = (HeadRecordCount is null) == (HeadLastHash is null)
        ? HeadLastHash
        : throw new ArgumentException("HeadLastHash is given exactly when HeadRecordCount is.", nameof(HeadLastHash));

    public long FoundRecordCount { get; } = FoundRecordCount >= 0
        ? FoundRecordCount
        : throw new ArgumentOutOfRangeException(nameof(FoundRecordCount), FoundRecordCount, "FoundRecordCount must not be negative.");

    public string FoundLastHash { get; } = EntryText.Required(FoundLastHash, nameof(FoundLastHash));
    public string Detail { get; } = EntryText.Required(Detail, nameof(Detail));

    public override HazardLogKind Kind => HazardLogKind.LogNotSealed;
}
