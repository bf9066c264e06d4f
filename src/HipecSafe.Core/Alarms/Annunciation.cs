using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Alarms;

/// <summary>
/// What the alarm system annunciates right now, as plain data: the display and the buzzer driver render it,
/// the status screen shows it, the hazard log does not need it (it has the events).
/// </summary>
/// <param name="HighestPriority">Highest priority among displayed alarms, null when none.</param>
/// <param name="Audio">Silent, sounding or paused.</param>
/// <param name="AudioPriority">Which auditory pattern sounds (highest unacknowledged priority), null unless sounding.</param>
/// <param name="AudioPausedUntil">End of the audio pause, null unless paused.</param>
/// <param name="Visual">The overall visual signal (of <paramref name="HighestPriority"/>).</param>
/// <param name="Alarms">Displayed alarms, highest priority first, then most recent first.</param>
public sealed record Annunciation(
    AlarmPriority? HighestPriority,
    AudioState Audio,
    AlarmPriority? AudioPriority,
    Duration? AudioPausedUntil,
    VisualSignal Visual,
    IReadOnlyList<AlarmView> Alarms);
