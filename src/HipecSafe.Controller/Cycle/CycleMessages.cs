using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;

namespace HipecSafe.Controller.Cycle;

// The cycle's messages, in order (docs/architecture.md):
//   clock → Watchdog (health round) → BoardBus (read both boards)
//         → ControlLoop (ProcedureStep) ──desired──► Interlocks (SafetyGate) → BoardBus (write + heartbeat)
//   BoardBus → Interlocks as well, so the gate judges the readout even when the control lane is late or hung;
//   the clock's deadline → Interlocks, which decides without a desired command if none has come.
//   Off the decision path: BoardBus → Alarms → listener (cycle report); every actor → HazardLog (its records).
// Every step is causally after the previous one, so the hazard log receives a deterministic order of records.

/// <summary>Watchdog → BoardBus: start a cycle with the watchdog's round.</summary>
internal sealed record StartCycle(CycleTick Tick, HealthStatus Health);

/// <summary>
/// BoardBus → listener: the bus has begun the cycle's reads. In real time the clock hands over the next tick only
/// after this (TickCoalescer), so cycles never queue up in front of a bus that is slower than the period (a slow or
/// cut line): the cycles it cannot serve are skipped and logged as an overrun, never read late one after the other.
/// </summary>
public sealed record CycleStarted(long Cycle);

/// <summary>BoardBus → Interlocks and ControlLoop: the boards as read this cycle.</summary>
internal sealed record Sampled(CycleTick Tick, HealthStatus Health, BoardReadout Readout);

/// <summary>ControlLoop → Interlocks: the control lane's desired command for the cycle.</summary>
internal sealed record Desired(CycleTick Tick, DesiredCommand Command);

/// <summary>Clock → Interlocks: the cycle's deadline; a gate that has not decided the cycle decides it now, without a desired command.</summary>
internal sealed record CycleDeadline(CycleTick Tick);

/// <summary>Interlocks → ControlLoop: the gate's verdict, read by the control lane in the next cycle.</summary>
internal sealed record VerdictTaken(GateVerdict Verdict);

/// <summary>Interlocks → BoardBus: write the gate's command (and the latch release it allowed), then pass the cycle on.</summary>
internal sealed record WriteCommand(CycleTick Tick, GateVerdict Verdict, IReadOnlyList<AlarmCondition> Conditions, CycleReport Report);

/// <summary>BoardBus → Alarms: update the alarm system, then publish the report.</summary>
internal sealed record UpdateAlarms(CycleTick Tick, IReadOnlyList<AlarmCondition> Conditions, CycleReport Report);

/// <summary>
/// Alarms → listener: what the alarm system annunciates after an update that came outside the cycle chain (the
/// watchdog's failed components, SRS-AL-016), so a display hears of it while the gate or the bus hangs and no
/// <see cref="CycleReport"/> is published.
/// </summary>
public sealed record AlarmsAnnounced(CycleTick Tick, Annunciation Alarms);
