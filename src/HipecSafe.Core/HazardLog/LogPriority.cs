namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Priority of a hazard-log record. It decides durability: a <see cref="High"/> record is on stable storage before
/// its append returns; the others are synced in batches (see README.md).
/// </summary>
public enum LogPriority
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
