using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.RealTime;

/// <summary>Plant starting points for real-time runs.</summary>
public static class PlantPresets
{
    /// <summary>
    /// A circuit pre-warmed to 39.8 °C in a patient already warm (peritoneum 39.8 °C, core 38.5 °C), as partway into
    /// a procedure. From a 37 °C fill the heat-up takes about 9 minutes; from here the controller still has to heat
    /// every abdominal probe past the 40.0 °C drug-addition minimum, but that takes about 2½ minutes (measured in
    /// lockstep: ReadyForChemo at ~180 s, priming included), so an end-to-end run in real time fits a test.
    /// </summary>
    public static PlantParameters WarmStart { get; } = PlantParameters.Default with
    {
        InitialFluidTemperature = Temperature.FromDegreesCelsius(39.8),
        InitialTissueTemperature = Temperature.FromDegreesCelsius(39.8),
        InitialCoreTemperature = Temperature.FromDegreesCelsius(38.5),
    };
}
