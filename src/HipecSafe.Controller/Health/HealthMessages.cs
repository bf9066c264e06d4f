namespace HipecSafe.Controller.Health;

/// <summary>Watchdog → component: answer with this round's key.</summary>
public sealed record Ping(long Key);

/// <summary>Component → watchdog.</summary>
public sealed record Pong(string Component, long Key);

/// <summary>Watchdog → lockstep listener: who has not yet answered round <paramref name="Key"/>.</summary>
public sealed record RoundProgress(long Key, IReadOnlyList<string> Outstanding);

/// <summary>Supervisor → watchdog: the operator reset the device; clear latched component failures if possible.</summary>
internal sealed record ResetHealth;

/// <summary>
/// Watchdog → alarms, directly (not through the gate or the bus, either of which may be the failed component): the
/// alarm condition of the components failed now, null once none is (<see cref="Core.Health.FailedComponentAlarm"/>).
/// Sent only when the failed set changes.
/// </summary>
internal sealed record ComponentFailureAlarm(Cycle.CycleTick Tick, Core.Alarms.AlarmCondition? Condition);
