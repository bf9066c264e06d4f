namespace HipecSafe.Core.Actuators;

/// <summary>
/// What the actuator board holds in holding registers 0–4, read back with FC 0x03 (docs/icd.md); the one source of
/// "the command the board holds".
/// </summary>
/// <param name="Command">Registers 0–3: heater_power_cmd, pump_speed_cmd, inflow_clamp_cmd, heater_enable.</param>
/// <param name="Heartbeat">Register 4, as the board holds it.</param>
public sealed record HeldCommand(ActuatorCommand Command, ushort Heartbeat);
