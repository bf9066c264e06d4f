using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The control lane hands the control law the sample's valid readings and nothing else: the abdominal probes the
/// cascade regulates (SRS-CT-004, SRS-CT-016), the outflow the heater feed-forward needs (SRS-CT-008), the flow without
/// which the heater is held off (SRS-CT-010). Observed through the lane's desired command and reported inflow set-point.
/// </summary>
public class ProcedureControlInputsTests
{
    private const double InflowTargetC = 43.0; // the default profile's starting inflow set-point

    [Fact]
    [Verifies("SRS-CT-004", "SRS-CT-016")]
    public void A_cold_abdomen_read_by_valid_probes_raises_the_inflow_set_point_above_its_starting_target()
    {
        // The abdomen at 39.0 °C, 3 K below the 42.0 °C target: heating it takes inflow hotter than the starting
        // set-point, up to the profile's 44.0 °C maximum. Without valid probes the set-point could not rise above the
        // inflow target (SRS-CT-016), so a rise shows the probes reached the cascade.
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        rig.Run(TimeSpan.FromSeconds(60), Cycle);

        Assert.Equal(Phase.Heating, rig.Phase);
        Assert.InRange(rig.Desired.Report.InflowSetpointC!.Value, InflowTargetC + 0.1, 44.0);
    }

    [Fact]
    [Verifies("SRS-CT-010")]
    public void A_flow_reading_flagged_by_the_board_holds_the_heater_off()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Run(TimeSpan.FromSeconds(5), Cycle);
        Assert.True(rig.Desired.Command.HeaterEnabled); // heating while the flow reading is valid

        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Flow) };
        rig.Next();

        Assert.False(rig.Desired.Command.HeaterEnabled);
        Assert.Equal(0, rig.Desired.Command.HeaterPowerPermille);
    }

    [Fact]
    [Verifies("SRS-CT-008")]
    public void A_colder_return_raises_the_heater_command_through_the_feed_forward()
    {
        // P = rho * Q * c * (inflow set-point - outflow): the same loop with a return falling by 1 K over 1 s (within
        // the validator's rate limit) asks for more heat than its twin whose return stays put.
        var steady = new ProcedureRig().DriveTo(Phase.Heating);
        var cooling = new ProcedureRig().DriveTo(Phase.Heating);
        steady.Run(TimeSpan.FromSeconds(5), Cycle);
        cooling.Run(TimeSpan.FromSeconds(5), Cycle);
        Assert.Equal(steady.Desired.Command, cooling.Desired.Command);

        for (var i = 0; i < 10; i++)
        {
            cooling.Frame = cooling.Frame with { Outflow = cooling.Frame.Outflow - TemperatureDelta.FromDegreesCelsius(0.1) };
            steady.Next();
            cooling.Next();
        }

        Assert.True(cooling.Desired.Command.HeaterPowerPermille > steady.Desired.Command.HeaterPowerPermille,
            $"{cooling.Desired.Command.HeaterPowerPermille} ‰ with the colder return, {steady.Desired.Command.HeaterPowerPermille} ‰ without");
    }

    [Fact]
    [Verifies("SRS-CT-008")]
    public void An_outflow_reading_flagged_by_the_board_does_not_feed_forward_whatever_it_reads()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        var twin = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Outflow) };
        twin.Frame = twin.Frame with { ChannelFaultBits = Bit(SensorChannel.Outflow) };
        rig.Run(TimeSpan.FromSeconds(5), Cycle);
        twin.Run(TimeSpan.FromSeconds(5), Cycle);

        // The flagged channel reads 20 K colder in one rig: not a measurement, so the heater command cannot follow it.
        twin.Frame = twin.Frame with { Outflow = twin.Frame.Outflow - TemperatureDelta.FromDegreesCelsius(20) };
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(rig.Next().Desired.Command, twin.Next().Desired.Command);
        }
    }
}
