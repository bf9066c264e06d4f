using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Tests.Plant;

/// <summary>
/// Drives a plant in tests: constant inputs, or a simple two-level regulator on the physical truth that holds the
/// mixed abdominal temperature at a target with the inflow set-point capped at 44 °C (the clinical practice the
/// figures come from). It is a test fixture, not the product's controller.
/// </summary>
internal sealed class PlantRig
{
    public static readonly Duration Tick = Duration.FromMilliseconds(50);

    private double _integral;

    public PlantRig(PlantParameters? parameters = null) => Plant = new PerfusionPlant(parameters);

    public PerfusionPlant Plant { get; }

    public PlantState State => Plant.State;

    public double RpmFor(double litersPerMinute) => litersPerMinute * 1000.0 / Plant.Parameters.TubingMillilitersPerRevolution;

    public void Run(Duration duration, PlantInputs inputs)
    {
        var end = Plant.State.Time + duration;
        while (Plant.State.Time < end - Duration.FromMilliseconds(1))
        {
            Plant.Step(Tick, inputs);
        }
    }

    /// <summary>Regulates the abdomen toward <paramref name="targetC"/> at the given flow for <paramref name="duration"/>.</summary>
    public void Regulate(Duration duration, double litersPerMinute, double targetC = 42.0, double inflowMaxC = 44.0, Action<PlantState>? observe = null)
    {
        var end = Plant.State.Time + duration;
        var rpm = RpmFor(litersPerMinute);
        while (Plant.State.Time < end - Duration.FromMilliseconds(1))
        {
            var s = Plant.State;
            var error = targetC - s.AbdominalTemperature.DegreesCelsius;
            _integral = Math.Clamp(_integral + (0.002 * error * Tick.Seconds), -2, 2);
            var setpoint = Math.Clamp(targetC + (3 * error) + _integral, 37, inflowMaxC);
            var massFlowHeat = Plant.Parameters.FluidHeatCapacityJoulesPerMilliliterKelvin * litersPerMinute * 1000.0 / 60.0;
            var watts = (massFlowHeat * (setpoint - s.ReservoirTemperature.DegreesCelsius)) + (300 * (setpoint - s.InflowTemperature.DegreesCelsius));
            var permille = (int)Math.Round(Math.Clamp(watts / Plant.Parameters.HeaterMaxPower.Watts, 0, 1) * 1000);
            Plant.Step(Tick, new PlantInputs(permille, HeaterRelayClosed: true, rpm, ClampOpen: true));
            observe?.Invoke(Plant.State);
        }
    }
}
