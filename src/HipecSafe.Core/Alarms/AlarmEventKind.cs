namespace HipecSafe.Core.Alarms;

/// <summary>What happened in the alarm system; every kind is written to the hazard log.</summary>
public enum AlarmEventKind
{
    /// <summary>A condition appeared that had no alarm displayed.</summary>
    Raised,

    /// <summary>The condition of a latched (cleared, unacknowledged) alarm came back.</summary>
    Reactivated,

    /// <summary>The source raised the priority of a present condition; the alarm needs attention again.</summary>
    Escalated,

    /// <summary>The source lowered the priority of a present condition.</summary>
    PriorityLowered,

    /// <summary>The condition cleared but the alarm latches: it stays displayed and sounding until acknowledged.</summary>
    Latched,

    /// <summary>The alarm left the display (non-latching condition cleared, or latched alarm acknowledged).</summary>
    Cleared,

    /// <summary>The operator acknowledged the alarm.</summary>
    Acknowledged,

    /// <summary>The operator paused the auditory signals.</summary>
    AudioPaused,

    /// <summary>The audio pause ran out, or nothing was left sounding.</summary>
    AudioPauseEnded,

    /// <summary>An escalation (new higher-priority or new high-priority alarm) ended the audio pause early.</summary>
    AudioPauseCancelled,
}
