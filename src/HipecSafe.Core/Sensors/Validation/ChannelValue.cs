using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>Reads one channel of a <see cref="SensorFrame"/> as a number in the channel's own unit, so checks can be table-driven.</summary>
public static class ChannelValue
{
    /// <summary>The value in the unit of <see cref="Unit"/>: °C, mmHg, mL/min, mL, or 0/1 for the air detector.</summary>
    public static double Of(SensorFrame frame, SensorChannel channel)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return channel switch
        {
            SensorChannel.InflowA => frame.InflowA.DegreesCelsius,
            SensorChannel.InflowB => frame.InflowB.DegreesCelsius,
            SensorChannel.Outflow => frame.Outflow.DegreesCelsius,
            SensorChannel.Abdomen1 => frame.Abdomen1.DegreesCelsius,
            SensorChannel.Abdomen2 => frame.Abdomen2.DegreesCelsius,
            SensorChannel.Abdomen3 => frame.Abdomen3.DegreesCelsius,
            SensorChannel.Abdomen4 => frame.Abdomen4.DegreesCelsius,
            SensorChannel.Core => frame.Core.DegreesCelsius,
            SensorChannel.InflowPressure => frame.InflowPressure.MillimetersOfMercury,
            SensorChannel.Flow => frame.Flow.MillilitersPerMinute,
            SensorChannel.ReservoirVolume => frame.ReservoirVolume.Milliliters,
            SensorChannel.AirDetected => frame.AirDetected ? 1.0 : 0.0,
            SensorChannel.AbdominalPressure => frame.AbdominalPressure.MillimetersOfMercury,
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor board channel"),
        };
    }

    public static string Unit(SensorChannel channel) => channel switch
    {
        _ when IsTemperature(channel) => "°C",
        SensorChannel.InflowPressure or SensorChannel.AbdominalPressure => "mmHg",
        SensorChannel.Flow => "mL/min",
        SensorChannel.ReservoirVolume => "mL",
        SensorChannel.AirDetected => "",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor board channel"),
    };

    public static bool IsTemperature(SensorChannel channel) =>
        channel is >= SensorChannel.InflowA and <= SensorChannel.Core;

    /// <summary>Convenience for rules: a temperature channel's value as a quantity.</summary>
    public static Temperature TemperatureOf(SensorFrame frame, SensorChannel channel) =>
        IsTemperature(channel)
            ? Temperature.FromDegreesCelsius(Of(frame, channel))
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a temperature channel");

    /// <summary>How the channel is named in alarms and the log.</summary>
    public static string Name(SensorChannel channel) => channel switch
    {
        SensorChannel.InflowA => "inflow probe A",
        SensorChannel.InflowB => "inflow probe B",
        SensorChannel.Outflow => "outflow probe",
        SensorChannel.Abdomen1 => "abdominal probe 1",
        SensorChannel.Abdomen2 => "abdominal probe 2",
        SensorChannel.Abdomen3 => "abdominal probe 3",
        SensorChannel.Abdomen4 => "abdominal probe 4",
        SensorChannel.Core => "core probe",
        SensorChannel.InflowPressure => "line pressure sensor",
        SensorChannel.Flow => "flow meter",
        SensorChannel.ReservoirVolume => "reservoir level sensor",
        SensorChannel.AirDetected => "air detector",
        SensorChannel.AbdominalPressure => "abdominal pressure sensor",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor board channel"),
    };

    /// <summary>Every channel of the board, in register order.</summary>
    public static IReadOnlyList<SensorChannel> All { get; } = Enum.GetValues<SensorChannel>();
}
