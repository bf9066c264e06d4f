using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Boards;

/// <summary>
/// The actuator board's own protection, independent of the controller (shared/icd.md): a watchdog that latches the
/// board SAFE when the heartbeat register stays unchanged for more than 500 ms, and an over-temperature limiter that
/// opens the heater relay at limiter_temp ≥ 46.0 °C and stays tripped until a latch reset once below 44.0 °C.
/// Time is passed in; the register bank around it (<see cref="ActuatorBoardEmulator"/>) does the Modbus side.
/// </summary>
public sealed class ActuatorBoardLogic
{
    public static readonly TimeSpan WatchdogTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly Temperature LimiterTrip = Temperature.FromDegreesCelsius(46.0);
    public static readonly Temperature LimiterReset = Temperature.FromDegreesCelsius(44.0);

    private ushort _lastHeartbeat;
    private TimeSpan _heartbeatChangedAt;
    private TimeSpan _now;

    /// <summary>The command registers as last written by the master.</summary>
    public ActuatorCommand Commanded { get; private set; } = ActuatorCommand.Safe;

    public ushort Heartbeat => _lastHeartbeat;

    public bool SafeLatched { get; private set; }

    public bool LimiterTripped { get; private set; }

    public Temperature LimiterTemperature { get; private set; } = Temperature.FromDegreesCelsius(25);

    /// <summary>The watchdog arms with the first heartbeat write, so a board waiting for its controller is not latched.</summary>
    public bool WatchdogArmed { get; private set; }

    /// <summary>A master write of the command registers (heater, pump, clamp, enable) and the heartbeat.</summary>
    public void CommandWritten(ActuatorCommand command, ushort heartbeat)
    {
        Commanded = command;
        if (!WatchdogArmed || heartbeat != _lastHeartbeat)
        {
            WatchdogArmed = true;
            _lastHeartbeat = heartbeat;
            _heartbeatChangedAt = _now;
        }
    }

    /// <summary>latch_reset = 0x5AFE: honoured only with heater_enable = 0; the limiter only once it has cooled below 44 °C.</summary>
    public string? ResetLatch()
    {
        if (Commanded.HeaterEnabled)
        {
            return "latch reset ignored: heater_enable is 1";
        }

        SafeLatched = false;
        _heartbeatChangedAt = _now;
        if (LimiterTripped && LimiterTemperature < LimiterReset)
        {
            LimiterTripped = false;
        }

        return LimiterTripped ? $"limiter stays tripped: {LimiterTemperature} is not below {LimiterReset}" : null;
    }

    /// <summary>Advances the board's time and checks both protections.</summary>
    public void Step(TimeSpan now, Temperature limiterTemperature)
    {
        _now = now;
        LimiterTemperature = limiterTemperature;
        if (WatchdogArmed && now - _heartbeatChangedAt > WatchdogTimeout)
        {
            SafeLatched = true;
        }

        if (limiterTemperature >= LimiterTrip)
        {
            LimiterTripped = true;
        }
    }

    /// <summary>What actually drives the plant after the board's protections.</summary>
    public PlantInputs Outputs()
    {
        if (SafeLatched)
        {
            return PlantInputs.Off;
        }

        var relay = Commanded.HeaterEnabled && !LimiterTripped;
        return new PlantInputs(relay ? Commanded.HeaterPowerPermille : 0, relay, Commanded.PumpSpeedRpm, Commanded.ClampOpen);
    }

    /// <summary>
    /// The board_status register (and the rest of the feedback) given what the plant actually does. Two definitions
    /// the ICD leaves open (hazard analysis OI-18) are fixed here as the hardware must provide them: heater_power_actual
    /// is the power driver's output ahead of the series relay (so a stuck driver shows whatever the relay does, and an
    /// open heater element does not), and bit2 is the relay's real contact state (so a welded relay shows closed).
    /// </summary>
    public ActuatorFeedback Feedback(in PlantState plant)
    {
        var outputs = Outputs();
        var status = BoardStatus.None;
        status |= SafeLatched ? BoardStatus.SafeLatchedByWatchdog : 0;
        status |= LimiterTripped ? BoardStatus.LimiterTripped : 0;
        status |= plant.HeaterRelayContactClosed ? BoardStatus.HeaterRelayClosed : 0;
        status |= plant.PumpSpeedRpm > 0 ? BoardStatus.PumpRunning : 0;
        status |= outputs.ClampOpen ? BoardStatus.ClampOpen : 0;
        status |= plant.PumpMotorFault ? BoardStatus.PumpMotorFault : 0;
        var actualPermille = Math.Clamp(plant.HeaterDriverPermille, 0, 1000);
        return new ActuatorFeedback(status, actualPermille, plant.PumpSpeedRpm, LimiterTemperature, _lastHeartbeat);
    }
}
