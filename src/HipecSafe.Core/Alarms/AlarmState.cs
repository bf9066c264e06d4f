namespace HipecSafe.Core.Alarms;

/// <summary>Where one displayed alarm stands.</summary>
public enum AlarmState
{
    /// <summary>Condition present, not acknowledged: visual and auditory signals.</summary>
    Active,

    /// <summary>Condition present, acknowledged: visual signal only, until the condition clears.</summary>
    ActiveAcknowledged,

    /// <summary>Condition gone, alarm latched: visual and auditory signals until acknowledged.</summary>
    LatchedCleared,
}
