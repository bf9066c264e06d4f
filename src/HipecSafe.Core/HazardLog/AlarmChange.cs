namespace HipecSafe.Core.HazardLog;

/// <summary>What happened to an alarm; each maps to its own record kind (AlarmRaised, AlarmAcknowledged, ...).</summary>
public enum AlarmChange
{
    Raised,
    Acknowledged,
    Cleared,
    AudioPaused,
}
