namespace HipecSafe.Controller;

/// <summary>Names of the controller's actors: actor names, watchdog component names and fault-injection targets.</summary>
public static class ComponentNames
{
    public const string ControlLoop = "controlloop";
    public const string Interlocks = "interlocks";
    public const string Watchdog = "watchdog";
    public const string Alarms = "alarms";
    public const string HazardLog = "hazardlog";
    public const string BoardBus = "boardbus";

    /// <summary>Components the watchdog pings every cycle (it does not watch itself: the board watchdog does).</summary>
    public static IReadOnlyList<string> Monitored { get; } = [ControlLoop, Interlocks, Alarms, HazardLog, BoardBus];

    public static IReadOnlyList<string> All { get; } = [.. Monitored, Watchdog];
}
