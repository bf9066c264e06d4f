using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

public class HydraulicsTests
{
    private static PlantInputs Pumping(PlantRig rig, double litersPerMinute, bool clampOpen = true) =>
        new(0, HeaterRelayClosed: false, rig.RpmFor(litersPerMinute), clampOpen);

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [Verifies("SRS-HIL-006")]
    public void Inflow_is_rpm_times_tubing_volume_per_revolution(double litersPerMinute)
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(30), Pumping(rig, litersPerMinute));

        Assert.Equal(litersPerMinute * 1000.0 / 40.0, rig.State.PumpSpeedRpm, precision: 9);
        // The just-occlusive rollers leak back < 1.5 % at the line pressure.
        Assert.InRange(rig.State.InflowFlow.LitersPerMinute / litersPerMinute, 0.985, 1.0);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [Verifies("SRS-HIL-006")]
    public void Line_pressure_is_flow_times_resistance_plus_abdominal_pressure(double litersPerMinute)
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(30), Pumping(rig, litersPerMinute));
        var s = rig.State;

        var expected = (0.06 * s.InflowFlow.MillilitersPerMinute) + s.AbdominalPressure.MillimetersOfMercury;
        Assert.Equal(expected, s.InflowLinePressure.MillimetersOfMercury, 0.5);
        Assert.InRange(s.AbdominalPressure.MillimetersOfMercury, 10.0, 15.0);
    }

    [Fact]
    [Verifies("SRS-HIL-006")]
    public void An_occlusion_multiplies_the_resistance_so_pressure_rises_while_the_roller_pump_keeps_the_flow()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));
        var before = rig.State;

        rig.Plant.Inject(new LineOcclusion(3));
        rig.Run(Duration.FromSeconds(10), Pumping(rig, 2.0));
        var occluded = rig.State;

        var occludedDrop = (occluded.InflowLinePressure - occluded.AbdominalPressure).MillimetersOfMercury;
        Assert.Equal(3 * 0.06 * occluded.InflowFlow.MillilitersPerMinute, occludedDrop, 0.5);
        Assert.True(occluded.InflowLinePressure.MillimetersOfMercury > 300);
        Assert.InRange(occluded.InflowFlow.MillilitersPerMinute / before.InflowFlow.MillilitersPerMinute, 0.97, 1.0);

        rig.Plant.Clear(PlantFaultSlot.Occlusion);
        rig.Run(Duration.FromSeconds(10), Pumping(rig, 2.0));
        Assert.Equal(before.InflowLinePressure.MillimetersOfMercury, rig.State.InflowLinePressure.MillimetersOfMercury, 1.0);
    }

    [Fact]
    [Verifies("SRS-HIL-006")]
    public void A_closed_clamp_stops_inflow_and_the_running_pump_drives_pressure_up_to_its_stall()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));

        var closedAt = rig.State.Time;
        Duration? over300 = null;
        while (rig.State.Time - closedAt < Duration.FromSeconds(60))
        {
            rig.Run(PlantRig.Tick, Pumping(rig, 2.0, clampOpen: false));
            Assert.Equal(0.0, rig.State.InflowFlow.MillilitersPerMinute);
            Assert.True(rig.State.InflowLinePressure.MillimetersOfMercury <= 1000.0);
            over300 ??= rig.State.InflowLinePressure.MillimetersOfMercury > 300 ? rig.State.Time - closedAt : null;
        }

        Assert.NotNull(over300);
        Assert.True(over300.Value <= Duration.FromSeconds(2), $"took {over300}");
        Assert.InRange(rig.State.InflowLinePressure.MillimetersOfMercury, 750.0, 1000.0);
        Assert.True(rig.State.PumpFlow.MillilitersPerMinute < 100, "a stalled roller pump delivers (almost) nothing");
    }

    [Fact]
    [Verifies("SRS-HIL-006")]
    public void Trapped_line_pressure_bleeds_back_through_the_rollers_once_the_pump_stops()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(5), Pumping(rig, 2.0, clampOpen: false));
        Assert.True(rig.State.InflowLinePressure.MillimetersOfMercury > 300);

        rig.Run(Duration.FromMinutes(5), PlantInputs.Off);
        Assert.True(rig.State.InflowLinePressure.MillimetersOfMercury < 5);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [Verifies("SRS-HIL-007")]
    public void The_abdomen_holds_its_fill_volume_with_outflow_balancing_inflow(double litersPerMinute)
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromMinutes(5), Pumping(rig, litersPerMinute));
        var s = rig.State;

        Assert.InRange(s.AbdominalVolume.Milliliters, 4000.0, 4150.0);
        Assert.Equal(s.InflowFlow.MillilitersPerMinute, s.OutflowFlow.MillilitersPerMinute, 0.01 * s.InflowFlow.MillilitersPerMinute);
    }

    [Fact]
    [Verifies("SRS-HIL-007")]
    public void Fluid_volume_is_conserved_except_for_what_leaks()
    {
        var rig = new PlantRig();
        var plant = rig.Plant;
        double Total() => plant.State.ReservoirVolume.Milliliters + plant.State.AbdominalVolume.Milliliters
                          + plant.LineStoredVolumeMilliliters + plant.State.LeakedVolume.Milliliters;
        var before = Total();

        rig.Run(Duration.FromMinutes(2), Pumping(rig, 2.0));
        plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(250)));
        rig.Run(Duration.FromMinutes(2), Pumping(rig, 3.0));
        rig.Run(Duration.FromSeconds(20), Pumping(rig, 2.0, clampOpen: false));
        plant.AbdominalDrainOpen = true;
        rig.Run(Duration.FromMinutes(3), PlantInputs.Off);

        Assert.True(plant.State.LeakedVolume.Milliliters > 500);
        Assert.Equal(before, Total(), 1e-6);
    }

    [Fact]
    [Verifies("SRS-HIL-007")]
    public void A_leak_makes_the_reservoir_fall_at_the_leak_rate_while_the_abdomen_stays_full()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromMinutes(2), Pumping(rig, 2.0));
        rig.Plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(200)));
        rig.Run(Duration.FromMinutes(1), Pumping(rig, 2.0));
        var start = rig.State;

        rig.Run(Duration.FromMinutes(3), Pumping(rig, 2.0));
        var end = rig.State;

        var fallPerMinute = (start.ReservoirVolume - end.ReservoirVolume).Milliliters / 3.0;
        Assert.Equal(200.0, fallPerMinute, 10.0);
        Assert.Equal(start.AbdominalVolume.Milliliters, end.AbdominalVolume.Milliliters, 5.0);
        Assert.Equal(200.0, end.LeakFlow.MillilitersPerMinute, 1e-6);
    }

    [Fact]
    [Verifies("SRS-HIL-007")]
    public void A_leak_with_the_pump_stopped_empties_the_abdomen_without_going_negative()
    {
        var rig = new PlantRig();
        rig.Plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(2000)));
        rig.Run(Duration.FromMinutes(3), PlantInputs.Off);
        var s = rig.State;

        Assert.Equal(0.0, s.AbdominalVolume.Milliliters, 1e-9);
        Assert.Equal(0.0, s.LeakFlow.MillilitersPerMinute, 1e-9);
        Assert.Equal(4000.0, s.LeakedVolume.Milliliters, 1e-6);
        Assert.True(double.IsFinite(s.AbdominalTemperature.DegreesCelsius));
    }

    [Fact]
    [Verifies("SRS-HIL-007")]
    public void Opening_the_drains_empties_the_abdomen_into_the_reservoir()
    {
        var rig = new PlantRig();
        rig.Plant.AbdominalDrainOpen = true;
        rig.Run(Duration.FromMinutes(5), PlantInputs.Off);

        Assert.True(rig.State.AbdominalVolume.Milliliters < 50);
        Assert.True(rig.State.ReservoirVolume.Milliliters > 5450);
    }

    [Fact]
    [Verifies("SRS-HIL-008")]
    public void An_air_slug_is_seen_for_its_duration_and_then_clears()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromSeconds(10), Pumping(rig, 2.0));
        Assert.False(rig.State.AirInLine);

        rig.Plant.Inject(new AirSlug(Duration.FromSeconds(2)));
        rig.Run(Duration.FromSeconds(1.9), Pumping(rig, 2.0));
        Assert.True(rig.State.AirInLine);
        Assert.Single(rig.Plant.ActiveFaults);

        rig.Run(Duration.FromSeconds(0.2), Pumping(rig, 2.0));
        Assert.False(rig.State.AirInLine);
    }

    [Fact]
    [Verifies("SRS-HIL-008")]
    public void A_line_primed_from_dry_shows_air_until_the_pump_has_pushed_its_air_past_the_detector()
    {
        var rig = new PlantRig();
        Assert.True(rig.State.AirInLine, "a dry line at rest");
        rig.Run(Duration.FromSeconds(5), PlantInputs.Off);
        Assert.True(rig.State.AirInLine, "nothing pumped yet");

        // 2 L/min = 33.3 mL/s: the line's 150 mL of air has passed after 4.5 s.
        rig.Run(Duration.FromSeconds(4.4), Pumping(rig, 2.0));
        Assert.True(rig.State.AirInLine);
        rig.Run(Duration.FromSeconds(0.2), Pumping(rig, 2.0));
        Assert.False(rig.State.AirInLine);
    }

    [Fact]
    [Verifies("SRS-HIL-008")]
    public void A_reservoir_run_dry_draws_air_and_delivers_less()
    {
        var rig = new PlantRig();
        rig.Plant.Inject(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(1500)));
        var sawAir = false;
        var lowestFlow = double.MaxValue;
        for (var i = 0; i < 20 * 60 * 3; i++)
        {
            rig.Run(PlantRig.Tick, Pumping(rig, 2.0));
            sawAir |= rig.State.AirInLine;
            lowestFlow = Math.Min(lowestFlow, rig.State.PumpFlow.MillilitersPerMinute);
            Assert.True(rig.State.ReservoirVolume.Milliliters >= 0);
        }

        Assert.True(sawAir);
        Assert.True(lowestFlow < 1000);
    }

    [Fact]
    [Verifies("SRS-HIL-010")]
    public void A_degraded_pump_turns_at_speed_but_delivers_the_factor()
    {
        var rig = new PlantRig();
        rig.Plant.Inject(new PumpDegraded(0.5));
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));

        Assert.Equal(50.0, rig.State.PumpSpeedRpm, precision: 9);
        Assert.Equal(1000.0, rig.State.InflowFlow.MillilitersPerMinute, 15.0);
        Assert.False(rig.State.PumpMotorFault);
    }

    [Fact]
    [Verifies("SRS-HIL-010")]
    public void A_stopped_pump_reads_zero_speed_and_flow_without_a_motor_fault()
    {
        var rig = new PlantRig();
        rig.Plant.Inject(new PumpStopped());
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));

        Assert.Equal(0.0, rig.State.PumpSpeedRpm);
        Assert.True(Math.Abs(rig.State.InflowFlow.MillilitersPerMinute) < 5);
        Assert.False(rig.State.PumpMotorFault);
    }

    [Fact]
    [Verifies("SRS-HIL-010")]
    public void A_motor_fault_stops_the_pump_and_raises_the_flag_until_cleared()
    {
        var rig = new PlantRig();
        rig.Plant.Inject(new PumpMotorFault());
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));
        Assert.Equal(0.0, rig.State.PumpSpeedRpm);
        Assert.True(rig.State.PumpMotorFault);

        rig.Plant.Clear(PlantFaultSlot.Pump);
        rig.Run(Duration.FromSeconds(30), Pumping(rig, 2.0));
        Assert.Equal(50.0, rig.State.PumpSpeedRpm, precision: 9);
        Assert.False(rig.State.PumpMotorFault);
        Assert.Equal(2000.0, rig.State.InflowFlow.MillilitersPerMinute, 30.0);
    }

    [Fact]
    [Verifies("SRS-HIL-010")]
    public void A_second_pump_fault_replaces_the_first()
    {
        var plant = new PerfusionPlant();
        plant.Inject(new PumpMotorFault());
        plant.Inject(new PumpDegraded(0.8));

        var active = Assert.Single(plant.ActiveFaults);
        Assert.Equal(new PumpDegraded(0.8), active);
        plant.Step(Duration.FromSeconds(1), new PlantInputs(0, false, 50, true));
        Assert.False(plant.State.PumpMotorFault);
        Assert.Equal(50.0, plant.State.PumpSpeedRpm, precision: 9);
    }
}
