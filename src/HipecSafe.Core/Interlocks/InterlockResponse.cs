namespace HipecSafe.Core.Interlocks;

/// <summary>
/// What an active trip forces on the actuators. Flags combine across trips by union. <see cref="SafeState"/> is
/// heater off + clamp closed + the request to enter the latched SafeState phase; whether the pump stops as well is
/// decided per hazard by adding <see cref="PumpStop"/>. <see cref="None"/> = alarm only.
/// </summary>
[Flags]
public enum InterlockResponse
{
    None = 0,
    HeaterOff = 1 << 0,
    PumpStop = 1 << 1,
    ClampClose = 1 << 2,

    /// <summary>The bit that asks the phase machine for SafeState; use <see cref="SafeState"/> in rules.</summary>
    EnterSafeState = 1 << 3,

    SafeState = EnterSafeState | HeaterOff | ClampClose,
}
