namespace HipecSafe.Core.HazardLog;

/// <summary>
/// A record with its place in the chain fixed: the record, the exact bytes to append (ending in '\n'), and the chain
/// as it stands once this record is in the log.
/// </summary>
public sealed record SealedRecord(HazardLogRecord Record, ReadOnlyMemory<byte> Line, HazardLogChain Next);
