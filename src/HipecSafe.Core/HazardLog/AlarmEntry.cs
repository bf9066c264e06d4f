using System.Collections.Frozen;
using HipecSafe.Core.Alarms;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// An alarm-system event (IEC 60601-1-8 alarm log): which alarm, its priority and hazard, the operator message, the
/// measured value and limit as the alarm system rendered them, whether auditory signals were paused, and why.
/// Built from an <see cref="AlarmEvent"/> with <see cref="Of"/>; each <see cref="AlarmEventKind"/> is its own record
/// kind (AlarmRaised, AlarmAcknowledged, AlarmAudioPaused, ...). Audio events may have no alarm id, technical alarms no
/// hazard, and audio events empty value and limit texts.
/// </summary>
public sealed record AlarmEntry : HazardLogEntry
{
    private static readonly FrozenDictionary<AlarmEventKind, HazardLogKind> Kinds = new Dictionary<AlarmEventKind, HazardLogKind>
    {
        [AlarmEventKind.Raised] = HazardLogKind.AlarmRaised,
        [AlarmEventKind.Reactivated] = HazardLogKind.AlarmReactivated,
        [AlarmEventKind.Escalated] = HazardLogKind.AlarmEscalated,
        [AlarmEventKind.PriorityLowered] = HazardLogKind.AlarmPriorityLowered,
        [AlarmEventKind.Latched] = HazardLogKind.AlarmLatched,
        [AlarmEventKind.Cleared] = HazardLogKind.AlarmCleared,
        [AlarmEventKind.Acknowledged] = HazardLogKind.AlarmAcknowledged,
        [AlarmEventKind.AudioPaused] = HazardLogKind.AlarmAudioPaused,
        [AlarmEventKind.AudioPauseEnded] = HazardLogKind.AlarmAudioPauseEnded,
        [AlarmEventKind.AudioPauseCancelled] = HazardLogKind.AlarmAudioPauseCancelled,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<HazardLogKind, AlarmEventKind> Events = Kinds.ToFrozenDictionary(p => p.Value, p => p.Key);

    public AlarmEntry(
        AlarmEventKind change,
        string? alarmId,
        AlarmPriority? alarmPriority,
        string? hazardId,
        string message,
        string measuredValue,
        string limit,
        bool audioPaused,
        string detail)
    {
        Change = Kinds.ContainsKey(change)
            ? change
            : throw new ArgumentOutOfRangeException(nameof(change), change, $"no hazard-log kind for alarm event {change}");
        AlarmId = alarmId is null ? null : EntryText.Required(alarmId, nameof(AlarmId));
        AlarmPriority = alarmPriority is { } priority ? EntryText.Defined(priority, nameof(AlarmPriority)) : null;
        HazardId = hazardId is null ? null : EntryText.Required(hazardId, nameof(HazardId));
        Message = EntryText.Required(message, nameof(Message));
        MeasuredValue = measuredValue ?? throw new ArgumentNullException(nameof(measuredValue));
        Limit = limit ?? throw new ArgumentNullException(nameof(limit));
        AudioPaused = audioPaused;
        Detail = detail ?? throw new ArgumentNullException(nameof(detail));
    }

    /// <summary>The log entry for an event of the alarm system, field for field.</summary>
    public static AlarmEntry Of(AlarmEvent alarmEvent)
    {
        ArgumentNullException.ThrowIfNull(alarmEvent);
        return new AlarmEntry(
            alarmEvent.Kind,
            alarmEvent.ConditionId,
            alarmEvent.Priority,
            alarmEvent.HazardId,
            alarmEvent.Message,
            alarmEvent.MeasuredText,
            alarmEvent.LimitText,
            alarmEvent.AudioPaused,
            alarmEvent.Detail);
    }

    public AlarmEventKind Change { get; }
    public string? AlarmId { get; }
    public AlarmPriority? AlarmPriority { get; }
    public string? HazardId { get; }
    public string Message { get; }
    public string MeasuredValue { get; }
    public string Limit { get; }

    /// <summary>Auditory alarm signals were paused once this event had been processed (the pause state).</summary>
    public bool AudioPaused { get; }

    public string Detail { get; }

    public override HazardLogKind Kind => Kinds[Change];

    internal static bool TryGetChange(HazardLogKind kind, out AlarmEventKind change) => Events.TryGetValue(kind, out change);
}
