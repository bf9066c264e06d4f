using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>A record accepted but not yet given its place in the chain (it gets its sequence number when it is written).</summary>
internal readonly record struct PendingEntry(LogPriority Priority, TimeSpan ProcedureTime, DateTimeOffset WallClockUtc, HazardLogEntry Entry);
