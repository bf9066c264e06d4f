using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Actuators;

/// <summary>What the actuator board reports back each cycle (its input registers, decoded).</summary>
/// <param name="HeaterPowerActualPermille">
/// heater_power_actual: the heater power driver's output in ‰ of maximum, measured ahead of the series relay and
/// independent of the load — so a stuck driver shows with the relay open, and an open heater element does not show.
/// The ICD leaves this open; the device requires it of the board (hazard analysis OI-18, SRS-HIL-023).
/// </param>
public sealed record ActuatorFeedback(
    BoardStatus Status,
    int HeaterPowerActualPermille,
    double PumpSpeedActualRpm,
    Temperature LimiterTemperature,
    ushort HeartbeatEcho)
{
    public bool Has(BoardStatus flag) => (Status & flag) == flag;
}
