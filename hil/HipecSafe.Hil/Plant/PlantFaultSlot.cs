namespace HipecSafe.Hil.Plant;

/// <summary>
/// Where a physical fault acts. At most one fault is active per slot: injecting a second one into the same slot
/// replaces the first (a heater cannot be both stuck on and failed off).
/// </summary>
public enum PlantFaultSlot
{
    Heater,
    Pump,
    Occlusion,
    Leak,
    Air,
}
