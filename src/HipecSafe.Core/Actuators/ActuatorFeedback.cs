using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Actuators;

/// <summary>What the actuator board reports back each cycle (its input registers, decoded).</summary>
public sealed record ActuatorFeedback(
    BoardStatus Status,
    int HeaterPowerActualPermille,
    double PumpSpeedActualRpm,
    Temperature LimiterTemperature,
    ushort HeartbeatEcho)
{
    public bool Has(BoardStatus flag) => (Status & flag) == flag;
}
