using HipecSafe.Controller.Boards;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Control;
using HipecSafe.Core.Interlocks;

namespace HipecSafe.Controller.Cycle;

// The cycle's message chain, in order (see Controller/README.md):
// clock → Watchdog (ping round) → BoardBus (read) → Interlocks (evaluate, may force actuators) → Supervisor (phase)
// → ControlLoop (compute) → Supervisor (constrain) → BoardBus (write + heartbeat) → Alarms → cycle report.
// Every step is causally after the previous one, so the hazard log receives a deterministic order of records.

/// <summary>Watchdog → BoardBus: start cycle; the heartbeat may be written only when every component is healthy.</summary>
internal sealed record StartCycle(CycleTick Tick, bool HeartbeatAllowed, IReadOnlyList<string> FailedComponents, IReadOnlyList<string> LateComponents);

/// <summary>
/// BoardBus → Supervisor, at the start of a cycle in which the watchdog failed components: latch SafeState now,
/// even if a failed component (the interlocks) stops this cycle's chain before it reaches the supervisor.
/// </summary>
internal sealed record ComponentsFailed(StartCycle Start);

/// <summary>BoardBus → Interlocks: the boards as read this cycle.</summary>
internal sealed record Sampled(StartCycle Start, BoardReadout Readout);

/// <summary>Interlocks → Supervisor: the sample with the interlock verdict.</summary>
internal sealed record Evaluated(Sampled Sample, InterlockEvaluation Evaluation);

/// <summary>Supervisor → ControlLoop: compute this cycle's desired command.</summary>
internal sealed record Compute(Evaluated Evaluated, ControlInputs Inputs);

/// <summary>ControlLoop → Supervisor: the desired command.</summary>
internal sealed record Computed(Evaluated Evaluated, ControlOutput Output);

/// <summary>Supervisor → BoardBus: the final command of the cycle, with the alarm conditions to pass on.</summary>
internal sealed record WriteCycle(CycleTick Tick, ActuatorCommand Command, IReadOnlyList<AlarmCondition> Conditions, CycleReport Report);

/// <summary>BoardBus → Alarms: update the alarm system, then publish the report.</summary>
internal sealed record UpdateAlarms(CycleTick Tick, IReadOnlyList<AlarmCondition> Conditions, CycleReport Report);

/// <summary>Interlocks → BoardBus: apply an interlock constraint at once, before the cycle's regular write.</summary>
internal sealed record ForceConstraint(CycleTick Tick, IReadOnlyList<ConstraintReason> Reasons, Func<ActuatorCommand, ActuatorCommand> Constrain);

/// <summary>Supervisor → Interlocks: the context of the next evaluation (phase, last command, targets).</summary>
internal sealed record InterlockContextUpdate(
    Core.Phases.Phase Phase,
    ActuatorCommand LastCommand,
    Core.Quantities.VolumetricFlow FlowTarget,
    Core.Quantities.Volume ReservoirAtPhaseStart,
    TimeSpan PhaseStartedAt,
    TimeSpan? PumpStartedAt);
