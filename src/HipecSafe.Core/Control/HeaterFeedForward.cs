using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// Energy balance of the heater: to lift a flow ṁ from the returning temperature to the inflow set-point takes
/// P = ṁ·c·ΔT. Fed forward, it gives the inflow loop the bulk of its output at once, so the PI only corrects for
/// losses and model error (ṁ = ρ·Q; at 1.5 L/min that is ≈ 100 W per kelvin).
/// </summary>
public static class HeaterFeedForward
{
    /// <summary>Power needed to heat <paramref name="flow"/> from <paramref name="returning"/> to <paramref name="setpoint"/>; 0 when no heating is needed.</summary>
    public static Power Required(VolumetricFlow flow, Temperature setpoint, Temperature returning, ControlPlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var massFlowKgPerSecond = Math.Max(0, flow.LitersPerMinute) / 60.0 * plant.CarrierDensityKilogramsPerLiter;
        var lift = Math.Max(0, (setpoint - returning).Kelvins);
        return Power.FromWatts(massFlowKgPerSecond * plant.CarrierSpecificHeatJoulesPerKilogramKelvin * lift);
    }

    /// <summary>The same, in ‰ of the heater's maximum power, capped at 1000 ‰.</summary>
    public static double Permille(VolumetricFlow flow, Temperature setpoint, Temperature returning, ControlPlantModel plant) =>
        Math.Min(1000.0, Required(flow, setpoint, returning, plant).Watts / plant.HeaterMaxPower.Watts * 1000.0);
}
