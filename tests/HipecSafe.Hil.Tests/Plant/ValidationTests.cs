using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

public class ValidationTests
{
    [Fact]
    [Verifies("SRS-HIL-019")]
    public void Step_refuses_a_non_positive_or_infinite_dt()
    {
        var plant = new PerfusionPlant();

        Assert.Equal("dt", Assert.Throws<ArgumentOutOfRangeException>(() => plant.Step(Duration.Zero, PlantInputs.Off)).ParamName);
        Assert.Equal("dt", Assert.Throws<ArgumentOutOfRangeException>(() => plant.Step(Duration.FromSeconds(-1), PlantInputs.Off)).ParamName);
        Assert.Equal("dt", Assert.Throws<ArgumentOutOfRangeException>(() => plant.Step(Duration.FromSeconds(double.PositiveInfinity), PlantInputs.Off)).ParamName);
        Assert.Equal(Duration.Zero, plant.State.Time);
    }

    [Theory]
    [InlineData(-1, 50.0, "HeaterPowerPermille")]
    [InlineData(1001, 50.0, "HeaterPowerPermille")]
    [InlineData(100, -0.1, "PumpSpeedRpm")]
    [InlineData(100, double.NaN, "PumpSpeedRpm")]
    [InlineData(100, double.PositiveInfinity, "PumpSpeedRpm")]
    [Verifies("SRS-HIL-019")]
    public void Step_refuses_inputs_out_of_range_naming_the_field(int permille, double rpm, string field)
    {
        var plant = new PerfusionPlant();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => plant.Step(Duration.FromMilliseconds(50), new PlantInputs(permille, true, rpm, true)));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-HIL-019")]
    public void Fault_parameters_out_of_range_are_refused_naming_the_scenario_parameter()
    {
        Assert.Contains("power_permille", Assert.Throws<ArgumentOutOfRangeException>(() => new HeaterStuckOn(1001)).Message, StringComparison.Ordinal);
        Assert.Contains("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new PumpDegraded(1.5)).Message, StringComparison.Ordinal);
        Assert.Contains("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new PumpDegraded(double.NaN)).Message, StringComparison.Ordinal);
        Assert.Contains("resistance_factor", Assert.Throws<ArgumentOutOfRangeException>(() => new LineOcclusion(0.5)).Message, StringComparison.Ordinal);
        Assert.Contains("ml_per_min", Assert.Throws<ArgumentOutOfRangeException>(() => new FluidLeak(VolumetricFlow.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("duration", Assert.Throws<ArgumentOutOfRangeException>(() => new AirSlug(Duration.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new SensorNoise(0)).Message, StringComparison.Ordinal);
        Assert.Contains("samples", Assert.Throws<ArgumentOutOfRangeException>(() => new SensorSpike(50, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new SensorOffset(double.NaN)).Message, StringComparison.Ordinal);
        Assert.Contains("rate_per_min", Assert.Throws<ArgumentOutOfRangeException>(() => new SensorDrift(double.PositiveInfinity)).Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-HIL-019")]
    public void Physically_impossible_parameters_are_refused_naming_the_parameter()
    {
        Assert.Equal("InitialReservoirVolume", Assert.Throws<ArgumentException>(() => new PerfusionPlant(PlantParameters.Default with { InitialReservoirVolume = Volume.FromMilliliters(-1) })).ParamName);
        Assert.Equal("HeaterMaxPower", Assert.Throws<ArgumentException>(() => new PerfusionPlant(PlantParameters.Default with { HeaterMaxPower = Power.Zero })).ParamName);
        Assert.Equal("PumpStallPressure", Assert.Throws<ArgumentException>(() => new PerfusionPlant(PlantParameters.Default with { PumpStallPressure = Pressure.FromMillimetersOfMercury(500) })).ParamName);
        Assert.Equal("ProbeSpatialGainKelvinPerWatt", Assert.Throws<ArgumentException>(() => new PerfusionPlant(PlantParameters.Default with { ProbeSpatialGainKelvinPerWatt = [0.001] })).ParamName);
        Assert.Equal("TemperatureNoiseBound", Assert.Throws<ArgumentException>(() => new SensorBoardModel(1, SensorBoardParameters.Default with { TemperatureNoiseBoundC = 0.001 })).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LimiterTemperatureSensor(1, timeConstantSeconds: -1));
    }

    [Fact]
    [Verifies("SRS-HIL-019")]
    public void The_heat_up_bound_refuses_a_flow_the_pump_cannot_give()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatUpBound.Compute(PlantParameters.Default, VolumetricFlow.Zero, Temperature.FromDegreesCelsius(40), Duration.FromMinutes(10)));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HeatUpBound.Compute(PlantParameters.Default, VolumetricFlow.FromLitersPerMinute(7), Temperature.FromDegreesCelsius(40), Duration.FromMinutes(10)));
        Assert.Contains("175 rpm", error.Message, StringComparison.Ordinal);
    }
}
