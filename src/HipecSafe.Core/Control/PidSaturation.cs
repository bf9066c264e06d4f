namespace HipecSafe.Core.Control;

/// <summary>Whether a loop's output sat on a limit this step (clamped or exactly at it), and at which end.</summary>
public enum PidSaturation
{
    None,
    High,
    Low,
}
