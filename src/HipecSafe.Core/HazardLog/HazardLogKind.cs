namespace HipecSafe.Core.HazardLog;

/// <summary>The kind of a hazard-log record; its name is written in the record's <c>kind</c> property.</summary>
public enum HazardLogKind
{
    /// <summary>Record 0 of every log: format version, device, profile and a random log id.</summary>
    LogHeader,
    PhaseTransition,

    // One kind per alarm-system event (Core.Alarms.AlarmEventKind), so the alarm log reads without decoding fields.
    AlarmRaised,
    AlarmReactivated,
    AlarmEscalated,
    AlarmPriorityLowered,
    AlarmLatched,
    AlarmCleared,
    AlarmAcknowledged,
    AlarmAudioPaused,
    AlarmAudioPauseEnded,
    AlarmAudioPauseCancelled,
    OperatorCommand,
    Fault,
    InterlockTripped,
    InterlockCleared,
    SafeStateEntered,
    SafeStateLeft,
    Note,

    /// <summary>The writer closed the log cleanly; nothing follows (<see cref="LogSealedEntry"/>).</summary>
    LogSealed,

    /// <summary>The writer opened a log its previous writer had not sealed (<see cref="LogNotSealedEntry"/>).</summary>
    LogNotSealed,

    /// <summary>The procedure's state for a restarted controller (<see cref="ProcedureCheckpointEntry"/>).</summary>
    ProcedureCheckpoint,

    /// <summary>The chemo clock since the last procedure checkpoint (<see cref="ChemoClockEntry"/>).</summary>
    ChemoClock,
}
