using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks;

/// <summary>Everything the interlocks look at in one cycle; the engine reads nothing else and never the clock.</summary>
/// <param name="Now">Procedure time of this cycle; must not go backwards.</param>
/// <param name="Phase">Current procedure phase.</param>
/// <param name="Sensors">This cycle's sensor sample; null when the read failed.</param>
/// <param name="Actuators">This cycle's actuator board read-back; null when the read failed.</param>
/// <param name="LastCommand">
/// The command the actuator board holds: its holding registers read back this cycle (FC 0x03), or, when that read
/// failed, the last command the bus got through (<see cref="CommandReadBack"/> is then false).
/// </param>
/// <param name="FlowTarget">The flow the pump is meant to deliver now.</param>
/// <param name="CircuitVolumeBaseline">
/// The reservoir volume of the circuit at steady volume, kept since steady-volume perfusion began (SRS-IL-023); during
/// the washout's saline exchange, that less the planned drawdown (SRS-PH-023); null while none is in force.
/// </param>
/// <param name="BusFailures">Consecutive failed transactions per board.</param>
/// <param name="PhaseStartedAt">Procedure time at which the current phase began.</param>
/// <param name="PumpStartedAt">Procedure time at which the pump was last started; null while it is stopped.</param>
/// <param name="CommandReadBack">
/// <see cref="LastCommand"/> is this cycle's read-back of what the board holds. Rules that compare the board's
/// feedback with the command it holds ("commanded X, board does Y") cannot decide without it: the last write is not
/// what a latched board holds (docs/icd.md §7.5).
/// </param>
/// <param name="Heartbeat">
/// The heartbeats the bus wrote before this cycle's read of the actuator board, to judge its heartbeat_echo against;
/// null before the board acknowledged any write.
/// </param>
public sealed record InterlockInput(
    TimeSpan Now,
    Phase Phase,
    SensorFrame? Sensors,
    ActuatorFeedback? Actuators,
    ActuatorCommand LastCommand,
    VolumetricFlow FlowTarget,
    Volume? CircuitVolumeBaseline,
    BusFailureCounts BusFailures,
    TimeSpan PhaseStartedAt,
    TimeSpan? PumpStartedAt,
    bool CommandReadBack = false,
    HeartbeatWrites? Heartbeat = null);
