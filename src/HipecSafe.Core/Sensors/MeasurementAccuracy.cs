using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors;

/// <summary>
/// How far a measurement may lie from the truth, as the clinical figures state it. A guard that must know the true
/// value is beyond a limit asks for the reading to be beyond the limit by at least this much.
/// </summary>
public static class MeasurementAccuracy
{
    /// <summary>A temperature probe reads within ±0.1 °C of the truth (clinical figure: temperature measurement accuracy ±0.1 °C).</summary>
    public static TemperatureDelta TemperatureProbe { get; } = TemperatureDelta.FromKelvins(0.1);
}
