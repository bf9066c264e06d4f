using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>How the control lane's output reaches the gate in a scripted cycle.</summary>
internal enum DesiredArrival
{
    OnTime,
    Missing,
    ForAnotherCycle,
}

/// <summary>
/// One cycle of a random script for the gate alone: the boards' step, the watchdog's round, and a control lane that may
/// ask for anything — any command, any phase, reset and release requests — or stay silent; crashes reported.
/// </summary>
internal sealed record GateStep(
    BoardStep Board,
    HealthStatus Health,
    DesiredArrival Arrival,
    ActuatorCommand Command,
    Phase Phase,
    bool ResetRequested,
    bool ReleaseRequested,
    ComponentCrashed[] Crashes);
