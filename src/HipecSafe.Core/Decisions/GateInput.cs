namespace HipecSafe.Core.Decisions;

/// <summary>
/// What the safety gate judges in one cycle: the boards as read (straight from the bus, not through the control
/// lane), the watchdog's round, the control lane's desired command (null when it did not arrive by the deadline), and
/// component crashes reported since the gate last decided.
/// </summary>
public sealed record GateInput(
    long Cycle,
    TimeSpan Now,
    BoardReadout? Readout,
    HealthStatus Health,
    DesiredCommand? Desired,
    IReadOnlyList<ComponentCrashed> Crashes);
