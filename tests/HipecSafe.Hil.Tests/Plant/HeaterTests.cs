using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

public class HeaterTests
{
    private static double PowerAfterStep(PerfusionPlant plant, PlantInputs inputs)
    {
        plant.Step(Duration.FromMilliseconds(100), inputs);
        return plant.State.HeaterPowerDelivered.Watts;
    }

    [Theory]
    [InlineData(0, true, 0.0)]
    [InlineData(250, true, 250.0)]
    [InlineData(1000, true, 1000.0)]
    [InlineData(1000, false, 0.0)]
    [InlineData(400, false, 0.0)]
    [Verifies("SRS-HIL-009")]
    public void Heater_power_is_the_commanded_share_behind_a_closed_relay(int permille, bool relay, double watts)
    {
        var plant = new PerfusionPlant();
        Assert.Equal(watts, PowerAfterStep(plant, new PlantInputs(permille, relay, 50, true)), precision: 9);
    }

    [Fact]
    [Verifies("SRS-HIL-009")]
    public void Stuck_on_heats_whatever_the_command_until_the_relay_opens_or_the_fault_clears()
    {
        var plant = new PerfusionPlant();
        plant.Inject(new HeaterStuckOn(700));

        Assert.Equal(700.0, PowerAfterStep(plant, new PlantInputs(0, true, 50, true)), precision: 9);
        Assert.Equal(700.0, PowerAfterStep(plant, new PlantInputs(100, true, 50, true)), precision: 9);
        Assert.Equal(0.0, PowerAfterStep(plant, new PlantInputs(100, false, 50, true)));

        plant.Clear(PlantFaultSlot.Heater);
        Assert.Equal(100.0, PowerAfterStep(plant, new PlantInputs(100, true, 50, true)), precision: 9);
    }

    [Fact]
    [Verifies("SRS-HIL-009")]
    public void Stuck_on_with_a_welded_relay_heats_whatever_the_relay_and_command()
    {
        var plant = new PerfusionPlant();
        plant.Inject(new HeaterStuckOn(700, relayWelded: true));

        Assert.Equal(700.0, PowerAfterStep(plant, PlantInputs.Off), precision: 9);
        Assert.Equal(700.0, PowerAfterStep(plant, new PlantInputs(1000, true, 50, true)), precision: 9);

        plant.Clear(PlantFaultSlot.Heater);
        Assert.Equal(0.0, PowerAfterStep(plant, PlantInputs.Off));
    }

    [Fact]
    [Verifies("SRS-HIL-009")]
    public void Failed_off_delivers_nothing_and_replaces_a_stuck_on_fault()
    {
        var plant = new PerfusionPlant();
        plant.Inject(new HeaterStuckOn(700));
        plant.Inject(new HeaterFailedOff());

        Assert.Equal(0.0, PowerAfterStep(plant, new PlantInputs(1000, true, 50, true)));
        Assert.IsType<HeaterFailedOff>(Assert.Single(plant.ActiveFaults));
    }

    [Fact]
    [Verifies("SRS-HIL-009")]
    public void Inputs_from_a_command_follow_the_command_fields()
    {
        var inputs = PlantInputs.From(new ActuatorCommand(420, 55.5, ClampOpen: true, HeaterEnabled: true));

        Assert.Equal(new PlantInputs(420, HeaterRelayClosed: true, 55.5, ClampOpen: true), inputs);
        Assert.Equal(PlantInputs.Off, PlantInputs.From(ActuatorCommand.Safe));
    }

    [Fact]
    [Verifies("SRS-HIL-009")]
    public void A_heater_left_on_without_flow_overheats_its_outlet_within_a_minute()
    {
        // The hazard the board's 46 °C limiter exists for: a stuck heater while the pump is stopped.
        var rig = new PlantRig();
        rig.Plant.Inject(new HeaterStuckOn(1000));
        rig.Run(Duration.FromSeconds(60), new PlantInputs(0, HeaterRelayClosed: true, 0, ClampOpen: false));

        Assert.True(rig.State.HeaterOutletTemperature.DegreesCelsius > 46.0);
        Assert.True(rig.State.InflowTemperature.DegreesCelsius <= 37.0, "no flow carries the heat to the patient");
    }
}
