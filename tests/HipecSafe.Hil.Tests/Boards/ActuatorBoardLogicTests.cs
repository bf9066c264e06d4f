using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Boards;

public class ActuatorBoardLogicTests
{
    private static readonly Temperature Cool = Temperature.FromDegreesCelsius(40);
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    [Verifies("SRS-HIL-020")]
    public void An_unarmed_board_waits_for_its_controller_without_latching()
    {
        var board = new ActuatorBoardLogic();

        board.Step(Ms(10_000), Cool);

        Assert.False(board.SafeLatched);
        Assert.Equal(0, board.Outputs().HeaterPowerPermille);
    }

    [Fact]
    [Verifies("SRS-HIL-020")]
    public void A_heartbeat_unchanged_for_more_than_500_ms_latches_the_board_safe()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);
        board.CommandWritten(Heating, heartbeat: 1);
        board.Step(Ms(300), Cool);
        board.CommandWritten(Heating, heartbeat: 1); // written, but unchanged: does not feed the watchdog
        board.Step(Ms(500), Cool);
        Assert.False(board.SafeLatched);
        Assert.Equal(600, board.Outputs().HeaterPowerPermille);

        board.Step(Ms(550), Cool);

        Assert.True(board.SafeLatched);
        var outputs = board.Outputs();
        Assert.Equal((0, false, 0.0, false), (outputs.HeaterPowerPermille, outputs.HeaterRelayClosed, outputs.PumpSpeedRpm, outputs.ClampOpen));
        board.CommandWritten(Heating, heartbeat: 2); // a live heartbeat does not unlatch it
        board.Step(Ms(600), Cool);
        Assert.True(board.SafeLatched);
    }

    [Fact]
    [Verifies("SRS-HIL-020")]
    public void Latch_reset_is_honoured_only_with_heater_enable_0()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);
        board.CommandWritten(Heating, 1);
        board.Step(Ms(600), Cool);
        Assert.True(board.SafeLatched);

        Assert.Equal("latch reset ignored: heater_enable is 1", board.ResetLatch());
        Assert.True(board.SafeLatched);

        board.CommandWritten(ActuatorCommand.Safe, 2);
        Assert.Null(board.ResetLatch());
        Assert.False(board.SafeLatched);
    }

    [Fact]
    [Verifies("SRS-HIL-021")]
    public void Limiter_trips_at_46_C_stays_tripped_and_resets_only_below_44_C()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);
        board.CommandWritten(Heating, 1);
        board.Step(Ms(50), Temperature.FromDegreesCelsius(45.99));
        Assert.False(board.LimiterTripped);

        board.Step(Ms(100), Temperature.FromDegreesCelsius(46.0));
        Assert.True(board.LimiterTripped);
        Assert.False(board.Outputs().HeaterRelayClosed);
        Assert.Equal(50, board.Outputs().PumpSpeedRpm); // the limiter cuts the heater only

        board.CommandWritten(ActuatorCommand.Safe, 2);
        board.Step(Ms(150), Temperature.FromDegreesCelsius(44.0));
        Assert.NotNull(board.ResetLatch());
        Assert.True(board.LimiterTripped);

        board.Step(Ms(200), Temperature.FromDegreesCelsius(43.99));
        Assert.Null(board.ResetLatch());
        Assert.False(board.LimiterTripped);
    }

    /// <summary>A board commanded <paramref name="command"/> driving a plant with <paramref name="fault"/>; the feedback after one step.</summary>
    private static ActuatorFeedback FeedbackWith(ActuatorCommand command, PlantFault? fault)
    {
        var board = new ActuatorBoardLogic();
        var plant = new PerfusionPlant();
        if (fault is not null)
        {
            plant.Inject(fault);
        }

        board.Step(Ms(0), Cool);
        board.CommandWritten(command, 1);
        board.Step(Ms(50), Cool);
        plant.Step(Duration.FromMilliseconds(50), board.Outputs());
        return board.Feedback(plant.State);
    }

    [Fact]
    [Verifies("SRS-HIL-023")]
    public void Heater_power_actual_is_the_driver_output_ahead_of_the_relay()
    {
        var nominal = FeedbackWith(Heating, null);
        var stuckBehindOpenRelay = FeedbackWith(ActuatorCommand.Safe, new HeaterStuckOn(800));
        var stuckAboveCommand = FeedbackWith(Heating, new HeaterStuckOn(1000));

        Assert.Equal(600, nominal.HeaterPowerActualPermille);
        Assert.Equal(800, stuckBehindOpenRelay.HeaterPowerActualPermille);
        Assert.False(stuckBehindOpenRelay.Has(BoardStatus.HeaterRelayClosed));
        Assert.Equal(1000, stuckAboveCommand.HeaterPowerActualPermille);
    }

    [Fact]
    [Verifies("SRS-HIL-023")]
    public void An_open_heater_element_is_not_visible_in_heater_power_actual()
    {
        // The driver still drives its output into the open element: the feedback shows the command while the plant
        // receives nothing. Only temperature reveals it (IL-ABDOMEN-BELOW-BAND).
        var board = new ActuatorBoardLogic();
        var plant = new PerfusionPlant();
        plant.Inject(new HeaterFailedOff());
        board.Step(Ms(0), Cool);
        board.CommandWritten(Heating, 1);
        plant.Step(Duration.FromMilliseconds(50), board.Outputs());

        var feedback = board.Feedback(plant.State);

        Assert.Equal(600, feedback.HeaterPowerActualPermille);
        Assert.True(feedback.Has(BoardStatus.HeaterRelayClosed));
        Assert.Equal(0, plant.State.HeaterPowerDelivered.Watts);
    }

    [Fact]
    [Verifies("SRS-HIL-023")]
    public void Bit2_is_the_real_relay_contact_so_a_welded_relay_shows_closed_while_commanded_open()
    {
        var open = FeedbackWith(ActuatorCommand.Safe, null);
        var welded = FeedbackWith(ActuatorCommand.Safe, new HeaterStuckOn(1000, relayWelded: true));
        var closed = FeedbackWith(Heating, null);

        Assert.False(open.Has(BoardStatus.HeaterRelayClosed));
        Assert.True(welded.Has(BoardStatus.HeaterRelayClosed));
        Assert.Equal(1000, welded.HeaterPowerActualPermille);
        Assert.True(closed.Has(BoardStatus.HeaterRelayClosed));
    }

    [Fact]
    [Verifies("SRS-HIL-022")]
    public void Emulators_answer_illegal_address_and_illegal_value_and_change_nothing()
    {
        var emulator = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        var sensor = new SensorBoardEmulator();
        var buffer = new ushort[6];

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, emulator.ReadInputRegisters(3, new ushort[3]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, sensor.ReadHoldingRegisters(0, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, sensor.ReadInputRegisters(10, new ushort[6]));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, emulator.WriteHoldingRegisters(0, new ushort[] { 1001, 0, 0, 0, 7 }));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, emulator.WriteHoldingRegisters(ActuatorBoardRegisters.LatchReset, new ushort[] { 0x1234 }));
        Assert.Null(emulator.ReadHoldingRegisters(0, buffer));
        Assert.All(buffer, v => Assert.Equal(0, v));

        Assert.Null(emulator.WriteHoldingRegisters(0, new ushort[] { 500, 400, 1, 1, 9 }));
        Assert.Equal(new ActuatorCommand(500, 40, ClampOpen: true, HeaterEnabled: true), emulator.Logic.Commanded);
        Assert.Equal(9, emulator.Logic.Heartbeat);
    }
}
