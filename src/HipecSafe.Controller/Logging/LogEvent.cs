using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Logging;

/// <summary>Any actor → HazardLog: append one record.</summary>
public sealed record LogEvent(LogPriority Priority, TimeSpan ProcedureTime, DateTimeOffset WallClock, HazardLogEntry Entry);

/// <summary>A decision unit's records of one cycle → HazardLog, appended in order with the cycle's times.</summary>
internal sealed record LogRecords(TimeSpan ProcedureTime, DateTimeOffset WallClock, IReadOnlyList<CycleLogEntry> Entries);

/// <summary>HazardLog → ControlLoop: the log's storage health changed (disk full, recovered).</summary>
internal sealed record LogHealthChanged(bool Healthy, string Description);

/// <summary>Flush buffered records to disk (end of run); the reply is <see cref="LogFlushed"/>.</summary>
public sealed record FlushLog;

public sealed record LogFlushed(bool Ok);
