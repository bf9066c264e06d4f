using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

public class ThermalTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [Verifies("SRS-HIL-001")]
    public void Heater_power_equals_mass_flow_times_c_times_delta_t_at_steady_state(double litersPerMinute)
    {
        // Steady state: the abdomen held at 42 °C, so the heater only replaces what the patient and tubing lose.
        var rig = new PlantRig();
        rig.Regulate(Duration.FromMinutes(60), litersPerMinute);

        var s = rig.State;
        var massFlowHeat = rig.Plant.Parameters.FluidHeatCapacityJoulesPerMilliliterKelvin * s.PumpFlow.MillilitersPerMinute / 60.0;
        var carried = massFlowHeat * (s.HeaterOutletTemperature - s.HeaterInletTemperature).DegreesCelsius;
        var delivered = s.HeaterPowerDelivered.Watts;

        Assert.InRange(delivered, 150.0, 400.0);
        Assert.Equal(delivered, s.HeatToFluid.Watts, 0.03 * delivered);
        Assert.InRange(carried / delivered, 0.97, 1.0);
    }

    [Fact]
    [Verifies("SRS-HIL-001")]
    public void Stored_heat_changes_only_by_heater_energy_minus_losses_over_a_run_with_faults()
    {
        var rig = new PlantRig();
        var plant = rig.Plant;
        var before = plant.EnergyBalanceJoules;

        rig.Regulate(Duration.FromMinutes(15), 2.0);
        plant.Inject(new LineOcclusion(4));
        plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(300)));
        rig.Regulate(Duration.FromMinutes(5), 2.0);
        rig.Run(Duration.FromMinutes(1), new PlantInputs(600, true, rig.RpmFor(2.0), ClampOpen: false));
        plant.Inject(new HeaterStuckOn(800, relayWelded: true));
        plant.Clear(PlantFaultSlot.Occlusion);
        rig.Run(Duration.FromMinutes(3), PlantInputs.Off);
        plant.AbdominalDrainOpen = true;
        rig.Run(Duration.FromMinutes(10), new PlantInputs(0, false, rig.RpmFor(1.0), ClampOpen: true));

        Assert.True(plant.HeaterEnergyJoules > 1e6, "the run must move a meaningful amount of heat");
        Assert.Equal(before, plant.EnergyBalanceJoules, before * 1e-9);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [Verifies("SRS-HIL-002")]
    public void Inflow_outflow_drop_is_one_to_two_degrees_with_the_abdomen_at_42(double litersPerMinute)
    {
        var rig = new PlantRig();
        rig.Regulate(Duration.FromMinutes(60), litersPerMinute);

        var s = rig.State;
        Assert.InRange(s.AbdominalTemperature.DegreesCelsius, 41.8, 42.2);
        Assert.InRange(s.InflowOutflowDrop.DegreesCelsius, 1.0, 2.0);
        // The drop is the patient's heat uptake: ṁ·c·ΔT must match the heat flowing into the tissue (within losses).
        var uptake = rig.Plant.Parameters.FluidHeatCapacityJoulesPerMilliliterKelvin * s.InflowFlow.MillilitersPerMinute / 60.0 * s.InflowOutflowDrop.DegreesCelsius;
        Assert.InRange(uptake / s.HeatToPatient.Watts, 0.95, 1.10);
    }

    [Fact]
    [Verifies("SRS-HIL-002")]
    public void A_lower_flow_gives_a_larger_drop_for_the_same_abdominal_temperature()
    {
        var slow = new PlantRig();
        var fast = new PlantRig();
        slow.Regulate(Duration.FromMinutes(60), 1.5);
        fast.Regulate(Duration.FromMinutes(60), 2.0);

        Assert.True(slow.State.InflowOutflowDrop > fast.State.InflowOutflowDrop);
    }

    [Fact]
    [Verifies("SRS-HIL-003")]
    public void Core_rises_one_to_two_degrees_over_90_minutes_at_42()
    {
        var rig = new PlantRig();
        var start = rig.State.CoreTemperature.DegreesCelsius;
        while (rig.State.AbdominalTemperature.DegreesCelsius < 41.5 && rig.State.Time < Duration.FromMinutes(40))
        {
            rig.Regulate(PlantRig.Tick, 2.0);
        }

        // 90 min of perfusion counted from the abdomen reaching the band.
        var low = double.MaxValue;
        var high = double.MinValue;
        rig.Regulate(Duration.FromMinutes(90), 2.0, observe: s =>
        {
            low = Math.Min(low, s.AbdominalTemperature.DegreesCelsius);
            high = Math.Max(high, s.AbdominalTemperature.DegreesCelsius);
        });

        var end = rig.State.CoreTemperature.DegreesCelsius;
        Assert.Equal(37.0, start, precision: 6);
        Assert.InRange(low, 41.4, 42.0);
        Assert.InRange(high, 42.0, 42.6);
        Assert.InRange(end - start, 1.0, 2.0);
        Assert.InRange(end, 38.0, 39.0);
    }

    [Fact]
    [Verifies("SRS-HIL-004")]
    public void Full_power_heat_up_to_40_takes_minutes_not_seconds()
    {
        var bound = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default, VolumetricFlow.FromLitersPerMinute(2.0));

        Assert.NotNull(bound);
        Assert.InRange(bound.Value.Minutes, 5.0, 15.0);
    }

    [Fact]
    [Verifies("SRS-HIL-004")]
    public void The_bound_is_the_moment_every_probe_reaches_40_under_full_power()
    {
        var bound = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default, VolumetricFlow.FromLitersPerMinute(2.0))!.Value;
        var rig = new PlantRig();
        var fullPower = new PlantInputs(1000, HeaterRelayClosed: true, rig.RpmFor(2.0), ClampOpen: true);

        rig.Run(bound - PlantRig.Tick, fullPower);
        Assert.True(rig.State.AbdomenMin.DegreesCelsius < 40.0);
        rig.Run(PlantRig.Tick, fullPower);
        Assert.True(rig.State.AbdomenMin.DegreesCelsius >= 40.0);
    }

    [Fact]
    [Verifies("SRS-HIL-004")]
    public void No_regulated_heat_up_beats_the_bound()
    {
        var flow = VolumetricFlow.FromLitersPerMinute(2.0);
        var bound = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default, flow)!.Value;
        var rig = new PlantRig();
        Duration? regulated = null;
        rig.Regulate(Duration.FromMinutes(30), flow.LitersPerMinute, observe: s => regulated ??= s.AbdomenMin.DegreesCelsius >= 40.0 ? s.Time : null);

        Assert.NotNull(regulated);
        Assert.True(regulated.Value >= bound, $"regulated {regulated} vs bound {bound}");
    }

    [Fact]
    [Verifies("SRS-HIL-004")]
    public void The_bound_follows_the_heater_size_and_reports_unreachable_targets()
    {
        var flow = VolumetricFlow.FromLitersPerMinute(2.0);
        var nominal = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default, flow)!.Value;
        var bigger = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default with { HeaterMaxPower = Power.FromWatts(2000) }, flow)!.Value;
        var tiny = HeatUpBound.ToDrugAdditionTemperature(PlantParameters.Default with { HeaterMaxPower = Power.FromWatts(60) }, flow);

        Assert.True(bigger < nominal);
        Assert.Null(tiny);
    }

    [Fact]
    [Verifies("SRS-HIL-005")]
    public void Heat_exchanger_answers_a_heater_step_as_a_lag_of_tens_of_seconds()
    {
        var rig = new PlantRig();
        var rpm = rig.RpmFor(2.0);
        rig.Run(Duration.FromMinutes(1), new PlantInputs(0, true, rpm, ClampOpen: true));
        var stepAt = rig.State.Time;
        var massFlowHeat = rig.Plant.Parameters.FluidHeatCapacityJoulesPerMilliliterKelvin * 2000.0 / 60.0;
        var finalRise = 500.0 / massFlowHeat;

        Duration? t63 = null;
        var heating = new PlantInputs(500, true, rpm, ClampOpen: true);
        while (t63 is null && rig.State.Time - stepAt < Duration.FromMinutes(5))
        {
            rig.Run(PlantRig.Tick, heating);
            var rise = (rig.State.HeaterOutletTemperature - rig.State.HeaterInletTemperature).DegreesCelsius;
            if (rise >= 0.632 * finalRise)
            {
                t63 = rig.State.Time - stepAt;
            }
        }

        Assert.NotNull(t63);
        Assert.InRange(t63.Value.Seconds, 20.0, 60.0);
    }

    [Fact]
    [Verifies("SRS-HIL-011")]
    public void Probe_offsets_are_small_at_steady_perfusion_and_the_inflow_side_is_hottest()
    {
        var rig = new PlantRig();
        rig.Regulate(Duration.FromMinutes(60), 2.0);
        var s = rig.State;
        var mixed = s.AbdominalTemperature.DegreesCelsius;

        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(s.AbdomenProbe(i).DegreesCelsius - mixed, -0.3, 0.3);
        }

        Assert.True(s.AbdomenProbe1.DegreesCelsius - mixed > 0.1, "the probe near the inflow runs warm");
        Assert.True(mixed - s.AbdomenProbe4.DegreesCelsius > 0.1, "the far probe runs cool");
        Assert.Equal(s.AbdomenProbe1, s.AbdomenMax);
        Assert.Equal(s.AbdomenProbe4, s.AbdomenMin);
    }

    [Fact]
    [Verifies("SRS-HIL-011")]
    public void Probe_spread_grows_with_heating_power_and_vanishes_without_flow()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromMinutes(3), new PlantInputs(1000, true, rig.RpmFor(2.0), ClampOpen: true));
        var heating = rig.State;
        Assert.True((heating.AbdomenMax - heating.AbdomenMin).DegreesCelsius > 1.0);

        rig.Run(Duration.FromSeconds(10), PlantInputs.Off);
        var still = rig.State;
        Assert.Equal(still.AbdominalTemperature, still.AbdomenMax);
        Assert.Equal(still.AbdominalTemperature, still.AbdomenMin);
    }
}
