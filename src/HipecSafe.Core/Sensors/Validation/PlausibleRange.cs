using System.Globalization;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// The values a channel can physically take, in the channel's unit (<see cref="ChannelValue.Unit"/>), bounds
/// inclusive. A value outside is not a measurement at all (a broken probe or wiring), however it came to be.
/// </summary>
public sealed record PlausibleRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    public string Describe(string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Min:0.###}–{Max:0.###}{(unit.Length > 0 ? " " + unit : "")}");

    /// <summary>
    /// Default ranges. Fluid and body temperatures: 0–60 °C (the board limiter holds the heater outlet below ~46 °C,
    /// so 60 °C leaves margin for a real excursion while an open or shorted probe reads far outside). Line pressure:
    /// a roller pump against a closed clamp can exceed 1000 mmHg, so up to 1500; slight suction down to −200.
    /// Flow: the pump set delivers at most 3 L/min; a small negative offset is meter noise. Reservoir: 0–5 L.
    /// Abdominal pressure: −20 to 100 mmHg. The air detector is binary and has no range beyond its fault bit.
    /// </summary>
    public static IReadOnlyDictionary<SensorChannel, PlausibleRange> Defaults { get; } =
        new Dictionary<SensorChannel, PlausibleRange>
        {
            [SensorChannel.InflowA] = new(0, 60),
            [SensorChannel.InflowB] = new(0, 60),
            [SensorChannel.Outflow] = new(0, 60),
            [SensorChannel.Abdomen1] = new(0, 60),
            [SensorChannel.Abdomen2] = new(0, 60),
            [SensorChannel.Abdomen3] = new(0, 60),
            [SensorChannel.Abdomen4] = new(0, 60),
            [SensorChannel.Core] = new(0, 60),
            [SensorChannel.InflowPressure] = new(-200, 1500),
            [SensorChannel.Flow] = new(-50, 5000),
            [SensorChannel.ReservoirVolume] = new(0, 5000),
            [SensorChannel.AirDetected] = new(0, 1),
            [SensorChannel.AbdominalPressure] = new(-20, 100),
        };
}
