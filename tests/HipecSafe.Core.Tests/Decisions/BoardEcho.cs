using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// What a healthy actuator board reports for the command it holds (docs/icd.md §6.2, §7.6): the relay, pump and
/// clamp bits follow the outputs, the driver's power and the tachometer follow the held set-points, plus whatever
/// latch or fault bits a test sets.
/// </summary>
internal static class BoardEcho
{
    /// <summary>The limiter's heater-outlet reading in these tests: below the board's release threshold of 44.0 °C.</summary>
    public static readonly Temperature CoolLimiter = Temperature.FromDegreesCelsius(43.0);

    public static ActuatorFeedback Reporting(ActuatorCommand held, BoardStatus extraBits = BoardStatus.None, Temperature? limiter = null,
        ushort heartbeatEcho = 0) =>
        new((held.HeaterEnabled ? BoardStatus.HeaterRelayClosed : BoardStatus.None)
            | (held.PumpSpeedRpm > 0 ? BoardStatus.PumpRunning : BoardStatus.None)
            | (held.ClampOpen ? BoardStatus.ClampOpen : BoardStatus.None)
            | extraBits,
            held.HeaterPowerPermille, held.PumpSpeedRpm, limiter ?? CoolLimiter, heartbeatEcho);

    /// <summary>
    /// What the board holds after a write of <paramref name="written"/>: while SAFE is latched registers 0–3 stay
    /// safe, while the limiter is tripped the heater stays off (docs/icd.md §7.5).
    /// </summary>
    public static ActuatorCommand HoldsAfterWriting(ActuatorCommand written, BoardStatus latches) =>
        latches.HasFlag(BoardStatus.SafeLatchedByWatchdog) ? ActuatorCommand.Safe
        : latches.HasFlag(BoardStatus.LimiterTripped) ? written.WithHeaterOff()
        : written;
}
