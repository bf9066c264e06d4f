using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Alarms;

/// <summary>One displayed alarm, as plain data for the display and the controller's status.</summary>
/// <param name="ConditionId">Alarm ID (= the condition's ID); pass it to <see cref="AlarmSystem.Acknowledge"/>.</param>
/// <param name="Priority">Current priority; a latched alarm shows the highest priority it reached.</param>
/// <param name="Latching">Whether it will latch (or has latched) when its condition clears.</param>
/// <param name="ConditionClearedAt">When the condition cleared (LatchedCleared only).</param>
public sealed record AlarmView(
    string ConditionId,
    AlarmPriority Priority,
    string? HazardId,
    string Message,
    string MeasuredText,
    string LimitText,
    bool Latching,
    AlarmState State,
    Duration RaisedAt,
    Duration? AcknowledgedAt,
    Duration? ConditionClearedAt,
    VisualSignal Visual)
{
    /// <summary>True when this alarm calls for the auditory signal (not acknowledged).</summary>
    public bool CallsForAudio => State != AlarmState.ActiveAcknowledged;
}
