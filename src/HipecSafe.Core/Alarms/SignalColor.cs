namespace HipecSafe.Core.Alarms;

/// <summary>Colour of a visual alarm signal (IEC 60601-1-8 Table 2).</summary>
public enum SignalColor
{
    None,
    Red,
    Yellow,
    Cyan,
}
