using HipecSafe.Core.Actuators;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// What the gate's rules look at, abstracted from one cycle: the command as constrained so far, and the facts the
/// gate established on its own from the readout, the watchdog's round and the control lane's (possibly missing)
/// desired command. Rules are predicates over these facts only, so the same definitions drive the gate, the trace,
/// the diagrams and a model of the gate.
/// </summary>
/// <param name="Command">The command as constrained by the rules before this one.</param>
/// <param name="HasReadout">The boards were read this cycle.</param>
/// <param name="DesiredInTime">The control lane's desired command for this cycle arrived before the deadline.</param>
/// <param name="HealthRoundPassed">Every watched component answered the last health round.</param>
/// <param name="FailedComponents">Components the watchdog has failed (3 missed rounds), latched until reset.</param>
/// <param name="CrashCauses">Component crashes latched at the gate since the last operator reset.</param>
/// <param name="InflowTrusted">The gate's own validation yields an inflow temperature control may act on.</param>
/// <param name="SafeStateTrip">An active interlock trip asks for SafeState.</param>
/// <param name="ProtectivePhase">The procedure is in SafeState or EmergencyStop.</param>
/// <param name="EmergencyStop">The procedure is in EmergencyStop.</param>
/// <param name="LatchReleaseRequested">The control lane asks for the board latch to be released this cycle.</param>
public readonly record struct GateFacts(
    ActuatorCommand Command,
    bool HasReadout,
    bool DesiredInTime,
    bool HealthRoundPassed,
    int FailedComponents,
    int CrashCauses,
    bool InflowTrusted,
    bool SafeStateTrip,
    bool ProtectivePhase,
    bool EmergencyStop,
    bool LatchReleaseRequested);
