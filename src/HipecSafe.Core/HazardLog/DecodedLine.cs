namespace HipecSafe.Core.HazardLog;

/// <summary>A decoded line: the record as stored, and the hash its canonical bytes actually have.</summary>
internal sealed record DecodedLine(HazardLogRecord Record, string ContentHash);
