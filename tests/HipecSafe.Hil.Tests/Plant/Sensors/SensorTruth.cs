using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Tests.Plant.Sensors;

/// <summary>Hand-built plant truths for sensor tests: every channel at a known value.</summary>
internal static class SensorTruth
{
    public static PlantState At(double seconds, double temperatureC = 42.0, bool air = false) => new()
    {
        Time = Duration.FromSeconds(seconds),
        InflowTemperature = Temperature.FromDegreesCelsius(temperatureC + 1.3),
        OutflowTemperature = Temperature.FromDegreesCelsius(temperatureC),
        AbdomenProbe1 = Temperature.FromDegreesCelsius(temperatureC + 0.2),
        AbdomenProbe2 = Temperature.FromDegreesCelsius(temperatureC + 0.1),
        AbdomenProbe3 = Temperature.FromDegreesCelsius(temperatureC - 0.1),
        AbdomenProbe4 = Temperature.FromDegreesCelsius(temperatureC - 0.2),
        CoreTemperature = Temperature.FromDegreesCelsius(38.123),
        HeaterOutletTemperature = Temperature.FromDegreesCelsius(temperatureC + 1.5),
        InflowLinePressure = Pressure.FromMillimetersOfMercury(131.37),
        InflowFlow = VolumetricFlow.FromMillilitersPerMinute(1987.6),
        ReservoirVolume = Volume.FromMilliliters(1389.4),
        AirInLine = air,
        AbdominalPressure = Pressure.FromMillimetersOfMercury(12.04),
    };

    /// <summary>The truth behind each temperature channel of <see cref="At"/>.</summary>
    public static double TemperatureOf(HipecSafe.Core.Sensors.SensorChannel channel, PlantState s) => channel switch
    {
        HipecSafe.Core.Sensors.SensorChannel.InflowA or HipecSafe.Core.Sensors.SensorChannel.InflowB => s.InflowTemperature.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Outflow => s.OutflowTemperature.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Abdomen1 => s.AbdomenProbe1.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Abdomen2 => s.AbdomenProbe2.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Abdomen3 => s.AbdomenProbe3.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Abdomen4 => s.AbdomenProbe4.DegreesCelsius,
        HipecSafe.Core.Sensors.SensorChannel.Core => s.CoreTemperature.DegreesCelsius,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a temperature channel"),
    };
}
