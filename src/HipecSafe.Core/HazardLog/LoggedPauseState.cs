namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The alarm-signal pause state at the time of an alarm record (IEC 60601-1-8 asks the log to keep it with every
/// high-priority alarm).
/// </summary>
public enum LoggedPauseState
{
    NotPaused,
    AudioPaused,
    AlarmPaused,
}
