using HipecSafe.Core.Actuators;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// One cycle's reads of both boards (docs/icd.md), as the board bus took them: the sensor sample, the actuator
/// board's feedback, and its holding registers read back. A null value means that read failed; the failure text says
/// how, and the consecutive-failure counts feed the bus-fault interlock (3 in a row with one board).
/// <see cref="LastWritten"/> is what the bus itself got through to the board most recently, <see cref="Heartbeat"/>
/// the heartbeats it had written when it read the board (null before the board acknowledged a write).
/// </summary>
public sealed record BoardReadout(
    SensorFrame? Frame,
    string? SensorFailure,
    ActuatorFeedback? Feedback,
    string? ActuatorFailure,
    HeldCommand? Held,
    string? HeldFailure,
    int SensorConsecutiveFailures,
    int ActuatorConsecutiveFailures,
    ActuatorCommand? LastWritten = null,
    HeartbeatWrites? Heartbeat = null)
{
    /// <summary>
    /// The command the board holds — the one both decision units use: its holding registers as read back this cycle;
    /// when that read failed, the last command the bus got through; before any, the power-on safe hold.
    /// </summary>
    public ActuatorCommand BoardHolds => Held?.Command ?? LastWritten ?? ActuatorCommand.Safe;

    /// <summary>Nothing could be read this cycle (the bus is down).</summary>
    public static BoardReadout Nothing(string reason, int sensorFailures, int actuatorFailures, ActuatorCommand? lastWritten) =>
        new(null, reason, null, reason, null, reason, sensorFailures, actuatorFailures, lastWritten);
}
