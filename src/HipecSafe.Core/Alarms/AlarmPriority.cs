namespace HipecSafe.Core.Alarms;

/// <summary>IEC 60601-1-8 alarm priority, chosen from potential harm × onset of harm.</summary>
public enum AlarmPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}
