using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// What the safety gate decided for one cycle: the command the bus writes (the only constrained command there is),
/// whether the board's latch release goes with it, whether the heartbeat may advance, and why — the active trips and
/// every constraint in force. The control lane reads it in the next cycle.
/// </summary>
public sealed record GateVerdict(
    long Cycle,
    ActuatorCommand Command,
    bool ReleaseBoardLatch,
    bool HeartbeatPermitted,
    bool DesiredInTime,
    IReadOnlyList<InterlockTrip> ActiveTrips,
    IReadOnlyList<ConstraintReason> Reasons,
    ValueList<SafetyCause> Crashes);
