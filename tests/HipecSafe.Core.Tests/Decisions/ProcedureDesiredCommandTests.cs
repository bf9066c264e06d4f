using HipecSafe.Core.Actuators;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The command the control lane asks for: the safe one in SafeState and EmergencyStop (SRS-RT-004); while its own
/// control loop is late or no inflow reading is trusted, the board's held command with the heater off (SRS-RT-008),
/// or everything off where the pump does not run (Paused, SRS-PH-012); otherwise the control law's, which circulates in
/// the treatment phases, keeps the heater off where no heat is wanted (priming cold, SRS-PH-004; draining) and holds
/// everything off outside treatment.
/// </summary>
public class ProcedureDesiredCommandTests
{
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    [Fact]
    [Verifies("SRS-RT-008")]
    public void While_the_control_loop_is_late_the_board_keeps_pump_and_clamp_and_the_heater_is_off()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.PinnedHeld = Heating;
        rig.Next();
        rig.Health = ProcedureRig.Late(ProcedureRig.ControlLoop);

        var outcome = rig.Next();

        Assert.Equal(Heating.WithHeaterOff(), outcome.Desired.Command);
        Assert.Null(outcome.Desired.Report.InflowSetpointC);
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-RT-008")]
    public void Another_component_late_leaves_control_to_the_control_law()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Late("alarms");

        var outcome = rig.Next();

        Assert.NotNull(outcome.Desired.Report.InflowSetpointC);
        Assert.True(outcome.Desired.Command.PumpSpeedRpm > 0);
    }

    [Fact]
    [Verifies("SRS-RT-008")]
    public void Without_a_trusted_inflow_reading_the_board_keeps_pump_and_clamp_and_the_heater_is_off()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.PinnedHeld = Heating;
        rig.Next();
        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)(Bit(SensorChannel.InflowA) | Bit(SensorChannel.InflowB)) };

        var outcome = rig.Next();

        Assert.Equal(Heating.WithHeaterOff(), outcome.Desired.Command);
        Assert.Null(outcome.Desired.Report.InflowSetpointC);
    }

    [Fact]
    [Verifies("SRS-PH-012")]
    public void A_pause_taken_while_no_inflow_reading_is_trusted_still_stops_the_pump_and_closes_the_clamp()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.PinnedHeld = Heating;
        rig.Next();
        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)(Bit(SensorChannel.InflowA) | Bit(SensorChannel.InflowB)) };

        var outcome = rig.Next(OperatorAction.Pause);

        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
    }

    [Fact]
    [Verifies("SRS-PH-012")]
    public void A_pause_taken_while_the_control_loop_is_late_still_stops_the_pump_and_closes_the_clamp()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.PinnedHeld = Heating;
        rig.Next();
        rig.Health = ProcedureRig.Late(ProcedureRig.ControlLoop);

        var outcome = rig.Next(OperatorAction.Pause);

        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
    }

    [Fact]
    [Verifies("SRS-RT-004")]
    public void Safe_state_and_emergency_stop_ask_for_the_safe_command_whatever_the_readings()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");
        Assert.Equal(ActuatorCommand.Safe, rig.Next().Desired.Command);
        Assert.Equal(ActuatorCommand.Safe, rig.Next(OperatorAction.EmergencyStop).Desired.Command);
        Assert.Equal(Phase.EmergencyStop, rig.Phase);
    }

    [Theory]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Heating)]
    [InlineData(Phase.ReadyForChemo)]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    public void The_treatment_phases_circulate_through_an_open_clamp(Phase phase)
    {
        var rig = new ProcedureRig().DriveTo(phase);

        var command = rig.Next().Desired.Command;

        Assert.True(command.PumpSpeedRpm > 0, $"pump stopped in {phase}");
        Assert.True(command.ClampOpen, $"clamp closed in {phase}");
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Priming_keeps_the_heater_off()
    {
        AssertHeaterStaysOff(new ProcedureRig().DriveTo(Phase.Priming));
    }

    [Fact]
    public void Draining_keeps_the_heater_off()
    {
        AssertHeaterStaysOff(new ProcedureRig().DriveTo(Phase.Draining));
    }

    private static void AssertHeaterStaysOff(ProcedureRig rig)
    {
        for (var i = 0; i < 20; i++)
        {
            var command = rig.Next().Desired.Command;
            Assert.False(command.HeaterEnabled);
            Assert.Equal(0, command.HeaterPowerPermille);
        }
    }

    [Theory]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Complete)]
    public void Outside_treatment_everything_is_held_off(Phase phase)
    {
        var rig = new ProcedureRig();
        if (phase != Phase.PowerOnSelfTest)
        {
            rig.DriveTo(phase);
        }

        Assert.Equal(ActuatorCommand.Safe, rig.Next().Desired.Command);
    }
}
