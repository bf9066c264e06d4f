namespace HipecSafe.Core.Alarms;

/// <summary>
/// The visual alarm signal for a priority, as plain data for the display (IEC 60601-1-8 Table 2): high = red flashing
/// 1.4–2.8 Hz, medium = yellow flashing 0.4–0.8 Hz, both with 20–60 % duty cycle; low = cyan (or yellow), constant.
/// We pick the middle of each range and cyan for low so it cannot be mistaken for medium.
/// </summary>
public sealed record VisualSignal(SignalColor Color, bool Flashing, double FlashHertz, double DutyCycle)
{
    public static VisualSignal None { get; } = new(SignalColor.None, false, 0, 0);
    public static VisualSignal High { get; } = new(SignalColor.Red, true, 2.0, 0.5);
    public static VisualSignal Medium { get; } = new(SignalColor.Yellow, true, 0.6, 0.5);
    public static VisualSignal Low { get; } = new(SignalColor.Cyan, false, 0, 1.0);

    public static VisualSignal For(AlarmPriority? priority) => priority switch
    {
        AlarmPriority.High => High,
        AlarmPriority.Medium => Medium,
        AlarmPriority.Low => Low,
        _ => None,
    };
}
