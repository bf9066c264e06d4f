using HipecSafe.Core.Actuators;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// What the actuator board actually drives into the plant during one step: heater power (‰ of maximum) behind the
/// heater relay, roller pump speed, inflow clamp. The board emulator decides these (watchdog latch, limiter trip);
/// the plant only obeys them, except where an actuator fault overrides (a welded relay, a stalled motor).
/// </summary>
public readonly record struct PlantInputs(int HeaterPowerPermille, bool HeaterRelayClosed, double PumpSpeedRpm, bool ClampOpen)
{
    /// <summary>Everything off: heater relay open, pump stopped, clamp closed.</summary>
    public static PlantInputs Off => new(0, HeaterRelayClosed: false, 0, ClampOpen: false);

    /// <summary>The inputs a board that passes the controller's command straight through would drive.</summary>
    public static PlantInputs From(ActuatorCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new(command.HeaterPowerPermille, command.HeaterEnabled, command.PumpSpeedRpm, command.ClampOpen);
    }
}
