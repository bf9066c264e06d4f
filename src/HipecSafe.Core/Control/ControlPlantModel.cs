using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// The controller's model of the plant: the figures the control law needs for feed-forward and limits; the
/// integrator sets them from the device and the disposable set. Not the simulated plant of the HIL rig.
/// </summary>
/// <param name="HeaterMaxPower">Heater power at 1000 ‰.</param>
/// <param name="CarrierSpecificHeatJoulesPerKilogramKelvin">c of the carrier solution (≈ 4.0 kJ/(kg·K) for
/// dialysate-like carriers; water is 4.18).</param>
/// <param name="CarrierDensityKilogramsPerLiter">ρ of the carrier solution.</param>
/// <param name="PumpMaxRpm">Highest pump speed the control law may command.</param>
/// <param name="MinimumFlowForHeating">Below this measured flow the heater is held off: heat without flow
/// overheats the fluid standing in the heat exchanger.</param>
public sealed record ControlPlantModel(
    Power HeaterMaxPower,
    double CarrierSpecificHeatJoulesPerKilogramKelvin,
    double CarrierDensityKilogramsPerLiter,
    double PumpMaxRpm,
    VolumetricFlow MinimumFlowForHeating)
{
    /// <summary>1 kW heater (the device's, as in the HIL plant: full power lifts 2 L/min by ≈ 7 K, from 37 °C to the
    /// 44 °C inflow ceiling), c = 4.0 kJ/(kg·K), ρ = 1.0 kg/L, 600 rpm (3 L/min on the smallest 5 mL/rev tubing),
    /// heating allowed from 0.3 L/min.</summary>
    public static ControlPlantModel Default { get; } = new(
        Power.FromWatts(1000), 4000, 1.0, 600, VolumetricFlow.FromLitersPerMinute(0.3));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter when one is not physical.</summary>
    public void Validate()
    {
        Positive(nameof(HeaterMaxPower), HeaterMaxPower.Watts, "W");
        Positive(nameof(CarrierSpecificHeatJoulesPerKilogramKelvin), CarrierSpecificHeatJoulesPerKilogramKelvin, "J/(kg·K)");
        Positive(nameof(CarrierDensityKilogramsPerLiter), CarrierDensityKilogramsPerLiter, "kg/L");
        Positive(nameof(PumpMaxRpm), PumpMaxRpm, "rpm");
        Positive(nameof(MinimumFlowForHeating), MinimumFlowForHeating.MillilitersPerMinute, "mL/min");
    }

    private static void Positive(string name, double value, string unit)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"plant parameter {name} must be a finite number > 0 {unit}; it was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}
