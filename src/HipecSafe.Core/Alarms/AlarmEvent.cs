using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Alarms;

/// <summary>
/// One alarm-system event, carrying everything the alarm log needs (IEC 60601-1-8 alarm system log): time,
/// priority, hazard, message, measured value and limit, and whether auditory signals were paused.
/// </summary>
/// <param name="At">Controller time of the event.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ConditionId">The alarm concerned; for audio events the alarm that caused them, or null.</param>
/// <param name="Priority">The alarm's priority (for AudioPaused: the highest priority paused).</param>
/// <param name="HazardId">Hazard guarded by the condition, null for technical conditions and audio events.</param>
/// <param name="Message">Operator text of the alarm, or a description of the audio event.</param>
/// <param name="MeasuredText">Measured value text from the condition ("" for audio events).</param>
/// <param name="LimitText">Limit text from the condition ("" for audio events).</param>
/// <param name="AudioPaused">True when the auditory signals were paused once this event had been processed,
/// i.e. the alarm did not sound because of a pause.</param>
/// <param name="Detail">Why it happened, in words (e.g. "acknowledged by operator", "pause of 120 s elapsed").</param>
public sealed record AlarmEvent(
    Duration At,
    AlarmEventKind Kind,
    string? ConditionId,
    AlarmPriority? Priority,
    string? HazardId,
    string Message,
    string MeasuredText,
    string LimitText,
    bool AudioPaused,
    string Detail);
