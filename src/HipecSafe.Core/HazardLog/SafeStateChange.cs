namespace HipecSafe.Core.HazardLog;

/// <summary>The device entered or left its safe state; each maps to its own record kind.</summary>
public enum SafeStateChange
{
    Entered,
    Left,
}
