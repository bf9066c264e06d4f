using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Decisions;

/// <summary>A hazard-log record a decision unit produced this cycle; its actor stamps it with the cycle's times.</summary>
public sealed record CycleLogEntry(LogPriority Priority, HazardLogEntry Entry);
