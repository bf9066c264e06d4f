using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Logging;

/// <summary>Any actor → HazardLog: append one record.</summary>
public sealed record LogEvent(LogPriority Priority, TimeSpan ProcedureTime, DateTimeOffset WallClock, HazardLogEntry Entry);

/// <summary>HazardLog → Supervisor: the log's storage health changed (disk full, recovered).</summary>
internal sealed record LogHealthChanged(bool Healthy, string Description);

/// <summary>Flush buffered records to disk (end of run); the reply is <see cref="LogFlushed"/>.</summary>
public sealed record FlushLog;

public sealed record LogFlushed(bool Ok);
