using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant.Sensors;

public class LimiterTemperatureSensorTests
{
    [Fact]
    [Verifies("SRS-HIL-018")]
    public void Reads_the_heater_outlet_within_fifteen_hundredths_quantised()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var sensor = new LimiterTemperatureSensor(seed);
            for (var i = 0; i < 1000; i++)
            {
                var reading = sensor.Read(SensorTruth.At(i * 0.05, temperatureC: 43.0)).DegreesCelsius;
                Assert.InRange(reading, 44.5 - 0.15, 44.5 + 0.15);
                Assert.Equal(Math.Round(reading * 100), reading * 100, 1e-6);
            }
        }
    }

    [Fact]
    [Verifies("SRS-HIL-018")]
    public void Follows_an_outlet_step_with_its_lag()
    {
        var sensor = new LimiterTemperatureSensor(1, noiseSigmaC: 0, noiseBoundC: 0, offsetMaxC: 0);
        sensor.Read(SensorTruth.At(0, temperatureC: 40.0));
        var atTau = sensor.Read(SensorTruth.At(LimiterTemperatureSensor.DefaultTimeConstantSeconds, temperatureC: 45.0));

        Assert.Equal(41.5 + (5 * 0.632), atTau.DegreesCelsius, 0.01);
    }

    [Fact]
    [Verifies("SRS-HIL-015")]
    public void The_same_seed_gives_the_same_readings()
    {
        var a = new LimiterTemperatureSensor(9);
        var b = new LimiterTemperatureSensor(9);
        for (var i = 0; i < 200; i++)
        {
            var truth = SensorTruth.At(i * 0.05);
            Assert.Equal(a.Read(truth), b.Read(truth));
        }
    }
}
