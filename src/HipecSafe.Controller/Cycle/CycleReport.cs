using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Controller.Cycle;

/// <summary>
/// What one cycle did, for displays, reports and the lockstep driver: the sample, the phase, the command written,
/// the active trips and alarms. Built along the cycle's message chain and published at its end.
/// </summary>
/// <param name="ClockHeld">Why the phase's clock does not run in this cycle (the control lane's report); null while it runs.</param>
public sealed record CycleReport(
    CycleTick Tick,
    SensorFrame? Frame,
    ActuatorFeedback? Feedback,
    Phase Phase,
    ActuatorCommand Command,
    double? InflowSetpointC,
    IReadOnlyList<string> ActiveTrips,
    IReadOnlyList<string> ConstraintReasons,
    Annunciation? Alarms,
    bool HeartbeatWritten,
    string? WriteFailure,
    TimeSpan ChemoElapsed,
    IReadOnlyList<string> LatchedCauses,
    string? ClockHeld = null)
{
    public bool InSafeState => Phase is Phase.SafeState or Phase.EmergencyStop;
}
