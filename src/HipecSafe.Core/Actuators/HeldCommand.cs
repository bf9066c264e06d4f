namespace HipecSafe.Core.Actuators;

/// <summary>
/// What the actuator board holds in holding registers 0–4, read back with FC 0x03 (docs/icd.md); the one source of
/// "the command the board holds".
/// </summary>
public sealed record HeldCommand(ActuatorCommand Command, ushort Heartbeat);
