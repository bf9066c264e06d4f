namespace HipecSafe.Core.HazardLog;

/// <summary>An interlock tripped or cleared; each maps to its own record kind.</summary>
public enum InterlockChange
{
    Tripped,
    Cleared,
}
