using HipecSafe.Core.Alarms;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// An alarm was raised, acknowledged, cleared or had its audio paused. Measured value and limit are optional because
/// an acknowledgement or a pause has none of its own.
/// </summary>
public sealed record AlarmEntry(
    AlarmChange Change,
    string AlarmId,
    AlarmPriority AlarmPriority,
    string HazardId,
    LoggedValue? Measured,
    LoggedValue? Limit,
    LoggedPauseState PauseState) : HazardLogEntry
{
    public AlarmChange Change { get; } = EntryText.Defined(Change, nameof(Change));
    public string AlarmId { get; } = EntryText.Required(AlarmId, nameof(AlarmId));
    public AlarmPriority AlarmPriority { get; } = EntryText.Defined(AlarmPriority, nameof(AlarmPriority));
    public string HazardId { get; } = EntryText.Required(HazardId, nameof(HazardId));
    public LoggedPauseState PauseState { get; } = EntryText.Defined(PauseState, nameof(PauseState));

    public override HazardLogKind Kind => Change switch
    {
        AlarmChange.Raised => HazardLogKind.AlarmRaised,
        AlarmChange.Acknowledged => HazardLogKind.AlarmAcknowledged,
        AlarmChange.Cleared => HazardLogKind.AlarmCleared,
        _ => HazardLogKind.AlarmAudioPaused,
    };
}
