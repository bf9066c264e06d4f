using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Boards;

/// <summary>
/// The actuator board's own protection, independent of the controller (docs/icd.md):
/// <list type="bullet">
/// <item>Power-on safe hold: the board starts latched SAFE (board_status bit0).</item>
/// <item>Watchdog: a heartbeat register unchanged for more than 500 ms latches SAFE.</item>
/// <item>Release: only a latch_reset received while the held heater_enable is 0, limiter_temp is below 44.0 °C and
/// the heartbeat is changing (changed within the last 500 ms) clears the SAFE latch.</item>
/// <item>Limiter: limiter_temp ≥ 46.0 °C opens the heater relay, latched (bit1), until a latch_reset once
/// limiter_temp is below 44.0 °C.</item>
/// </list>
/// The board also decides what it holds in holding registers 0–3 (<see cref="Held"/>, read back with FC 0x03):
/// latching SAFE forces them to the safe command, writes while latched are acknowledged but do not change them, and
/// a tripped limiter forces heater_power_cmd and heater_enable to 0. Time is passed in; the register bank around it
/// (<see cref="ActuatorBoardEmulator"/>) does the Modbus side.
/// </summary>
public sealed class ActuatorBoardLogic
{
    public static readonly TimeSpan WatchdogTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly Temperature LimiterTrip = Temperature.FromDegreesCelsius(46.0);
    public static readonly Temperature LimiterReset = Temperature.FromDegreesCelsius(44.0);

    // Null until the master first changes the heartbeat: a board that has never seen one is not being fed.
    private TimeSpan? _heartbeatChangedAt;
    private TimeSpan _now;

    /// <summary>What the board holds in holding registers 0–3 and drives (safe while latched, heater off while the limiter is tripped).</summary>
    public ActuatorCommand Held { get; private set; } = ActuatorCommand.Safe;

    /// <summary>
    /// Registers 0–3 as the master's last write left them, acknowledged whether or not the board holds them (for rig
    /// diagnostics: what the controller asked for, next to <see cref="Held"/>, what the board does).
    /// </summary>
    public ActuatorCommand Commanded { get; private set; } = ActuatorCommand.Safe;

    /// <summary>Holding register 4 as last written; it updates even while the board is latched.</summary>
    public ushort Heartbeat { get; private set; }

    /// <summary>board_status bit0: latched SAFE, from power-on until the first release, or by the watchdog since.</summary>
    public bool SafeLatched { get; private set; } = true;

    /// <summary>True from power-on until the first latch reset that releases the board.</summary>
    public bool PowerOnHold { get; private set; } = true;

    public bool LimiterTripped { get; private set; }

    public Temperature LimiterTemperature { get; private set; } = Temperature.FromDegreesCelsius(25);

    /// <summary>The heartbeat register changed within the last <see cref="WatchdogTimeout"/> (a release condition).</summary>
    public bool HeartbeatChanging => _heartbeatChangedAt is { } changedAt && _now - changedAt <= WatchdogTimeout;

    /// <summary>
    /// A master write of holding registers 0–4 (heater, pump, clamp, enable, heartbeat; registers the write did not
    /// touch carry what the board held). The heartbeat always counts; the command is held only while not latched.
    /// </summary>
    public void CommandWritten(ActuatorCommand command, ushort heartbeat)
    {
        ArgumentNullException.ThrowIfNull(command);
        Commanded = command;
        if (heartbeat != Heartbeat)
        {
            Heartbeat = heartbeat;
            _heartbeatChangedAt = _now;
        }

        if (!SafeLatched)
        {
            Held = LimiterTripped ? command.WithHeaterOff() : command;
        }
    }

    /// <summary>
    /// latch_reset = 0x5AFE. Clears a tripped limiter once limiter_temp is below 44.0 °C, and the SAFE latch only
    /// when the held heater_enable is 0, limiter_temp is below 44.0 °C and the heartbeat is changing. Held registers
    /// keep their (safe) values until the next write. Returns null when nothing stays latched, else what and why.
    /// </summary>
    public string? ResetLatch()
    {
        var cool = LimiterTemperature < LimiterReset;
        if (LimiterTripped && cool)
        {
            LimiterTripped = false;
        }

        string? safeLatchStays = null;
        if (SafeLatched)
        {
            // Latching forces heater_enable to 0, so the first condition holds whenever this runs; it is the ICD's
            // own wording, kept so the release rule reads as specified.
            safeLatchStays = Held.HeaterEnabled ? "heater_enable is 1"
                : !cool ? Invariant($"limiter_temp {LimiterTemperature} is not below {LimiterReset}")
                : !HeartbeatChanging ? HeartbeatNotChanging()
                : null;
            if (safeLatchStays is null)
            {
                SafeLatched = false;
                PowerOnHold = false;
            }
        }

        var problems = new List<string>(2);
        if (safeLatchStays is not null)
        {
            problems.Add("SAFE latch stays: " + safeLatchStays);
        }

        if (LimiterTripped)
        {
            problems.Add(Invariant($"limiter stays tripped: {LimiterTemperature} is not below {LimiterReset}"));
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Advances the board's time and checks both protections.</summary>
    public void Step(TimeSpan now, Temperature limiterTemperature)
    {
        _now = now;
        LimiterTemperature = limiterTemperature;
        if (!HeartbeatChanging)
        {
            SafeLatched = true;
            Held = ActuatorCommand.Safe;
        }

        if (limiterTemperature >= LimiterTrip)
        {
            LimiterTripped = true;
        }

        if (LimiterTripped && (Held.HeaterEnabled || Held.HeaterPowerPermille != 0))
        {
            Held = Held.WithHeaterOff();
        }
    }

    /// <summary>What actually drives the plant after the board's protections.</summary>
    public PlantInputs Outputs()
    {
        if (SafeLatched)
        {
            return PlantInputs.Off;
        }

        var relay = Held.HeaterEnabled && !LimiterTripped;
        return new PlantInputs(relay ? Held.HeaterPowerPermille : 0, relay, Held.PumpSpeedRpm, Held.ClampOpen);
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
        return new ActuatorFeedback(status, actualPermille, plant.PumpSpeedRpm, LimiterTemperature, Heartbeat);
    }

    private string HeartbeatNotChanging() => _heartbeatChangedAt is { } changedAt
        ? Invariant($"heartbeat unchanged for {(_now - changedAt).TotalMilliseconds:0} ms (more than {WatchdogTimeout.TotalMilliseconds:0} ms)")
        : "no heartbeat change since power-on";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
