namespace HipecSafe.Core.Actuators;

/// <summary>
/// The actuator set-points the controller writes to the actuator board each cycle
/// (holding registers 0–3; the heartbeat is written separately by the watchdog).
/// </summary>
public sealed record ActuatorCommand(int HeaterPowerPermille, double PumpSpeedRpm, bool ClampOpen, bool HeaterEnabled)
{
    public const int MaxHeaterPermille = 1000;

    /// <summary>The safe state: heater relay open and power 0, pump stopped, inflow clamp closed.</summary>
    public static ActuatorCommand Safe { get; } = new(0, 0, ClampOpen: false, HeaterEnabled: false);

    /// <summary>Heater off but circulation kept (used when a hazard calls for heater off only).</summary>
    public ActuatorCommand WithHeaterOff() => this with { HeaterPowerPermille = 0, HeaterEnabled = false };
}
