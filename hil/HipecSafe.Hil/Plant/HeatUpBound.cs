using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// The physical heat-up bound: how soon the plant could bring every abdominal probe (true local temperature) to a
/// threshold if the heater ran at full power from the first instant, at a fixed flow with the clamp open. No controller
/// can beat it, so benchmarks report controller heat-up time against it.
/// </summary>
public static class HeatUpBound
{
    /// <summary>The step the bound is simulated with (the plant's own sub-step by default).</summary>
    private static readonly Duration Step = Duration.FromMilliseconds(50);

    /// <summary>
    /// Time from start until all four true abdominal probe temperatures are ≥ <paramref name="threshold"/>, or null when
    /// not reached within <paramref name="limit"/>. Uses a fresh plant built from <paramref name="parameters"/>.
    /// </summary>
    public static Duration? Compute(PlantParameters parameters, VolumetricFlow flow, Temperature threshold, Duration limit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(flow.MillilitersPerMinute > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(flow), flow, "heat-up bound needs a positive flow");
        }

        var rpm = flow.MillilitersPerMinute / parameters.TubingMillilitersPerRevolution;
        if (rpm > parameters.PumpMaxRpm)
        {
            throw new ArgumentOutOfRangeException(nameof(flow), flow, string.Create(CultureInfo.InvariantCulture, $"flow needs {rpm:0.#} rpm, above the pump's {parameters.PumpMaxRpm:0.#} rpm"));
        }

        var plant = new PerfusionPlant(parameters);
        var inputs = new PlantInputs(1000, HeaterRelayClosed: true, rpm, ClampOpen: true);
        while (plant.State.Time < limit)
        {
            plant.Step(Step, inputs);
            if (plant.State.AbdomenMin >= threshold)
            {
                return plant.State.Time;
            }
        }

        return null;
    }

    /// <summary>The bound for the drug-addition gate: all probes ≥ 40.0 °C, within an hour.</summary>
    public static Duration? ToDrugAdditionTemperature(PlantParameters parameters, VolumetricFlow flow) =>
        Compute(parameters, flow, Temperature.FromDegreesCelsius(40.0), Duration.FromMinutes(60));
}
