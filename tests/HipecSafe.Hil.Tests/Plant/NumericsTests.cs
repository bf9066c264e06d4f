using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

public class NumericsTests
{
    private static PlantState RunScript(Duration tick)
    {
        var plant = new PerfusionPlant();
        void For(double seconds, PlantInputs inputs)
        {
            var end = plant.State.Time + Duration.FromSeconds(seconds);
            while (plant.State.Time < end - Duration.FromMilliseconds(1))
            {
                plant.Step(tick, inputs);
            }
        }

        For(120, new PlantInputs(900, true, 50, true));
        plant.Inject(new LineOcclusion(2.5));
        For(60, new PlantInputs(400, true, 60, true));
        plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(120)));
        For(30, new PlantInputs(400, true, 60, false));
        For(60, PlantInputs.Off);
        return plant.State;
    }

    [Fact]
    [Verifies("SRS-HIL-015")]
    public void The_same_inputs_give_the_same_states()
    {
        Assert.Equal(RunScript(Duration.FromMilliseconds(50)), RunScript(Duration.FromMilliseconds(50)));
    }

    [Fact]
    [Verifies("SRS-HIL-016")]
    public void Stepping_at_10_or_20_hz_gives_identical_physics()
    {
        var at20Hz = RunScript(Duration.FromMilliseconds(50));
        var at10Hz = RunScript(Duration.FromMilliseconds(100));
        var at5Hz = RunScript(Duration.FromMilliseconds(200));

        Assert.Equal(at20Hz, at10Hz);
        Assert.Equal(at20Hz, at5Hz);
    }

    [Fact]
    [Verifies("SRS-HIL-016")]
    public void A_step_that_is_not_a_multiple_of_the_sub_step_stays_close_to_the_fixed_step_result()
    {
        var fixedStep = RunScript(Duration.FromMilliseconds(50));
        var odd = RunScript(Duration.FromMilliseconds(70));

        Assert.Equal(fixedStep.AbdominalTemperature.DegreesCelsius, odd.AbdominalTemperature.DegreesCelsius, 0.05);
        Assert.Equal(fixedStep.CoreTemperature.DegreesCelsius, odd.CoreTemperature.DegreesCelsius, 0.01);
        Assert.Equal(fixedStep.ReservoirVolume.Milliliters, odd.ReservoirVolume.Milliliters, 5.0);
    }

    [Fact]
    [Verifies("SRS-HIL-016")]
    public void Extreme_inputs_keep_every_state_finite_and_physical()
    {
        var plant = new PerfusionPlant();
        var tick = Duration.FromMilliseconds(50);
        for (var i = 0; i < 20 * 60 * 10; i++)
        {
            // Pump far beyond its motor limit, clamp chattering, heater at full power.
            plant.Step(tick, new PlantInputs(1000, true, 5000, ClampOpen: i % 3 != 0));
            var s = plant.State;
            Assert.True(double.IsFinite(s.HeatExchangerTemperature.DegreesCelsius));
            Assert.InRange(s.InflowLinePressure.MillimetersOfMercury, 0.0, 1000.0);
            Assert.True(s.ReservoirVolume.Milliliters >= 0 && s.AbdominalVolume.Milliliters >= 0);
        }

        var end = plant.State;
        Assert.Equal(150.0, end.PumpSpeedRpm);
        Assert.InRange(end.AbdominalTemperature.DegreesCelsius, 37.0, 100.0);
        Assert.InRange(end.AbdominalPressure.MillimetersOfMercury, 0.0, 200.0);
    }

    [Fact]
    [Verifies("SRS-HIL-016")]
    public void One_large_step_is_cut_into_sub_steps_and_stays_stable()
    {
        var plant = new PerfusionPlant();
        plant.Step(Duration.FromMinutes(30), new PlantInputs(300, true, 50, true));

        var s = plant.State;
        Assert.Equal(1800.0, s.Time.Seconds, 1e-6);
        Assert.InRange(s.AbdominalTemperature.DegreesCelsius, 37.0, 45.0);
        Assert.InRange(s.CoreTemperature.DegreesCelsius, 36.5, 38.5);
    }

    [Fact]
    [Verifies("SRS-HIL-016")]
    public void A_sub_step_too_long_for_stability_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PerfusionPlant(PlantParameters.Default with { MaxSubStep = Duration.FromSeconds(1) }));

        Assert.Equal("MaxSubStep", error.ParamName);
        Assert.Contains("too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-HIL-017")]
    public void Step_and_snapshot_allocate_nothing()
    {
        var plant = new PerfusionPlant();
        var inputs = new PlantInputs(500, true, 50, true);
        plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(50)));
        plant.Step(Duration.FromMilliseconds(50), inputs);
        _ = plant.State;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            plant.Step(Duration.FromMilliseconds(100), inputs);
            sum += plant.State.AbdomenMax.DegreesCelsius;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.Equal(0, allocated);
    }
}
