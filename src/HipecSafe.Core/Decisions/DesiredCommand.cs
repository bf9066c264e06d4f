using HipecSafe.Core.Actuators;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The control lane's output for one cycle, on its way to the safety gate: the actuator command it would like, the
/// procedure context the gate arms its rules with, and two requests only the gate may grant — reset the latched trips
/// (an operator reset was accepted) and release the actuator board's latch (power-on hold, or after a reset).
/// </summary>
public sealed record DesiredCommand(
    long Cycle,
    ActuatorCommand Command,
    ProcedureContext Context,
    ProcedureReport Report,
    bool ResetRequested = false,
    bool ReleaseBoardLatch = false);
