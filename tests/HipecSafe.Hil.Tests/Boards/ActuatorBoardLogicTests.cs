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
    private static readonly Temperature Cool = ReleasedBoard.Cool;
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static void AssertOff(PlantInputs outputs) =>
        Assert.Equal(PlantInputs.Off, outputs); // heater 0 with the relay open, pump stopped, clamp closed

    // ---- Power-on safe hold (SRS-HIL-024) ----

    [Fact]
    [Verifies("SRS-HIL-024")]
    public void A_board_powers_on_latched_safe_and_stays_so_without_a_latch_reset()
    {
        var board = new ActuatorBoardLogic();

        Assert.True(board.SafeLatched);
        Assert.True(board.PowerOnHold);
        AssertOff(board.Outputs());
        Assert.True(board.Feedback(new PlantState()).Has(BoardStatus.SafeLatchedByWatchdog));

        board.Step(Ms(0), Cool);
        for (var t = 50; t <= 10_000; t += 50)
        {
            board.CommandWritten(Heating, heartbeat: (ushort)t); // a live heartbeat alone does not release it
            board.Step(Ms(t), Cool);
        }

        Assert.True(board.SafeLatched);
        AssertOff(board.Outputs());
    }

    [Fact]
    [Verifies("SRS-HIL-024")]
    public void Latch_reset_releases_the_hold_with_heater_enable_0_a_cool_limiter_and_a_changing_heartbeat()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Temperature.FromDegreesCelsius(43.99));
        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 1);
        board.Step(Ms(100), Temperature.FromDegreesCelsius(43.99));

        Assert.Null(board.ResetLatch());

        Assert.False(board.SafeLatched);
        Assert.False(board.PowerOnHold);
        Assert.False(board.Feedback(new PlantState()).Has(BoardStatus.SafeLatchedByWatchdog));
        board.CommandWritten(Heating, heartbeat: 2);
        Assert.Equal(new PlantInputs(600, HeaterRelayClosed: true, 50, ClampOpen: true), board.Outputs());
    }

    [Fact]
    [Verifies("SRS-HIL-024")]
    public void Latch_reset_before_any_heartbeat_change_leaves_the_hold()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);
        Assert.NotNull(board.ResetLatch());
        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 0); // the register already holds 0: no change
        board.Step(Ms(50), Cool);

        Assert.Equal("SAFE latch stays: no heartbeat change since power-on", board.ResetLatch());
        Assert.True(board.SafeLatched);
        Assert.True(board.PowerOnHold);
    }

    [Theory]
    [Verifies("SRS-HIL-024")]
    [InlineData(500, true)] // changed 500 ms ago: within the last 500 ms
    [InlineData(501, false)]
    public void Latch_reset_needs_a_heartbeat_change_within_the_last_500_ms(double sinceChangeMs, bool released)
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(1000), Cool);
        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 1);
        board.Step(Ms(1000 + sinceChangeMs), Cool);

        var outcome = board.ResetLatch();

        Assert.Equal(!released, board.SafeLatched);
        Assert.Equal(released, outcome is null);
    }

    [Theory]
    [Verifies("SRS-HIL-024")]
    [InlineData(44.0, false)]
    [InlineData(43.99, true)]
    public void Latch_reset_needs_limiter_temp_below_44_C(double limiterCelsius, bool released)
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Temperature.FromDegreesCelsius(limiterCelsius));
        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 1);

        board.ResetLatch();

        Assert.Equal(!released, board.SafeLatched);
        Assert.False(board.LimiterTripped); // 44 °C is far from the 46 °C trip: only the release bound is tested here
    }

    [Fact]
    [Verifies("SRS-HIL-024")]
    public void While_latched_the_held_heater_enable_is_0_so_a_write_of_heater_enable_1_cannot_block_or_survive_a_release()
    {
        // The board forces heater_enable to 0 when it latches and keeps it there while latched, so the release rule's
        // "held heater_enable = 0" is met whatever the master wrote; the heater stays off until the next write.
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);
        board.CommandWritten(Heating, heartbeat: 1);

        Assert.False(board.Held.HeaterEnabled);
        Assert.Null(board.ResetLatch());
        Assert.Equal(ActuatorCommand.Safe, board.Held);
        AssertOff(board.Outputs());
    }

    // ---- Watchdog (SRS-HIL-020) ----

    [Fact]
    [Verifies("SRS-HIL-020")]
    public void A_heartbeat_unchanged_for_more_than_500_ms_latches_the_board_safe()
    {
        var board = ReleasedBoard.Logic(); // heartbeat changed to 1 at t = 0
        board.CommandWritten(Heating, heartbeat: 1);
        board.Step(Ms(300), Cool);
        board.CommandWritten(Heating, heartbeat: 1); // written, but unchanged: does not feed the watchdog
        board.Step(Ms(500), Cool);
        Assert.False(board.SafeLatched);
        Assert.Equal(600, board.Outputs().HeaterPowerPermille);

        board.Step(Ms(550), Cool);

        Assert.True(board.SafeLatched);
        Assert.False(board.PowerOnHold);
        AssertOff(board.Outputs());
        Assert.True(board.Feedback(new PlantState()).Has(BoardStatus.SafeLatchedByWatchdog));
        board.CommandWritten(Heating, heartbeat: 2); // a live heartbeat does not unlatch it
        board.Step(Ms(600), Cool);
        Assert.True(board.SafeLatched);
    }

    [Fact]
    [Verifies("SRS-HIL-020")]
    public void A_heartbeat_changing_every_400_ms_keeps_the_board_running()
    {
        var board = ReleasedBoard.Logic();
        board.CommandWritten(Heating, heartbeat: 2);
        for (var t = 50; t <= 10_000; t += 50)
        {
            if (t % 400 == 0)
            {
                board.CommandWritten(Heating, heartbeat: (ushort)(t / 400 + 2));
            }

            board.Step(Ms(t), Cool);
            Assert.False(board.SafeLatched, $"latched at {t} ms");
        }
    }

    [Fact]
    [Verifies("SRS-HIL-020", "SRS-HIL-024")]
    public void A_watchdog_latch_is_released_only_under_the_same_conditions_as_the_power_on_hold()
    {
        var board = ReleasedBoard.Logic();
        board.Step(Ms(600), Cool);
        Assert.True(board.SafeLatched);

        Assert.Equal("SAFE latch stays: heartbeat unchanged for 600 ms (more than 500 ms)", board.ResetLatch());
        Assert.True(board.SafeLatched);

        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 2);
        board.Step(Ms(650), Temperature.FromDegreesCelsius(44.5));
        Assert.NotNull(board.ResetLatch());
        Assert.True(board.SafeLatched);

        board.Step(Ms(700), Cool);
        Assert.Null(board.ResetLatch());
        Assert.False(board.SafeLatched);
        Assert.False(board.PowerOnHold);
    }

    // ---- Limiter (SRS-HIL-021) ----

    [Fact]
    [Verifies("SRS-HIL-021")]
    public void Limiter_trips_at_46_C_stays_tripped_and_resets_only_below_44_C()
    {
        var board = ReleasedBoard.Logic();
        board.CommandWritten(Heating, 2);
        board.Step(Ms(50), Temperature.FromDegreesCelsius(45.99));
        Assert.False(board.LimiterTripped);

        board.Step(Ms(100), Temperature.FromDegreesCelsius(46.0));
        Assert.True(board.LimiterTripped);
        Assert.True(board.Feedback(new PlantState()).Has(BoardStatus.LimiterTripped));
        Assert.False(board.Outputs().HeaterRelayClosed);
        Assert.Equal(50, board.Outputs().PumpSpeedRpm); // the limiter cuts the heater only

        board.CommandWritten(ActuatorCommand.Safe, 3);
        board.Step(Ms(150), Temperature.FromDegreesCelsius(40.0));
        Assert.True(board.LimiterTripped); // not self-resetting: cooled down, still tripped until a latch reset

        board.Step(Ms(200), Temperature.FromDegreesCelsius(44.0));
        Assert.Equal("limiter stays tripped: 44.00 °C is not below 44.00 °C", board.ResetLatch());
        Assert.True(board.LimiterTripped);

        board.Step(Ms(250), Temperature.FromDegreesCelsius(43.99));
        Assert.Null(board.ResetLatch());
        Assert.False(board.LimiterTripped);
    }

    // ---- What the board holds (SRS-HIL-025, SRS-HIL-026) ----

    [Fact]
    [Verifies("SRS-HIL-025")]
    public void Writes_while_latched_are_taken_for_the_heartbeat_only_and_the_held_command_stays_safe_until_the_next_write()
    {
        var board = new ActuatorBoardLogic();
        board.Step(Ms(0), Cool);

        board.CommandWritten(Heating, heartbeat: 7);

        Assert.Equal(ActuatorCommand.Safe, board.Held);
        Assert.Equal(Heating, board.Commanded); // acknowledged
        Assert.Equal(7, board.Heartbeat);
        Assert.Null(board.ResetLatch());
        Assert.Equal(ActuatorCommand.Safe, board.Held); // released: still the safe values ...
        board.CommandWritten(Heating, heartbeat: 8);
        Assert.Equal(Heating, board.Held); // ... until the next write
    }

    [Fact]
    [Verifies("SRS-HIL-025")]
    public void Latching_by_the_watchdog_forces_the_held_command_to_safe_and_keeps_the_heartbeat()
    {
        var board = ReleasedBoard.Logic();
        board.CommandWritten(Heating, heartbeat: 2);
        Assert.Equal(Heating, board.Held);

        board.Step(Ms(550), Cool);

        Assert.Equal(ActuatorCommand.Safe, board.Held);
        Assert.Equal(2, board.Heartbeat);
    }

    [Fact]
    [Verifies("SRS-HIL-026")]
    public void A_tripped_limiter_forces_heater_power_and_heater_enable_to_0_and_leaves_pump_and_clamp()
    {
        var board = ReleasedBoard.Logic();
        board.CommandWritten(Heating, heartbeat: 2);

        board.Step(Ms(50), Temperature.FromDegreesCelsius(46.0));
        Assert.Equal(new ActuatorCommand(0, 50, ClampOpen: true, HeaterEnabled: false), board.Held);

        board.CommandWritten(new ActuatorCommand(700, 60, ClampOpen: false, HeaterEnabled: true), heartbeat: 3);
        Assert.Equal(new ActuatorCommand(0, 60, ClampOpen: false, HeaterEnabled: false), board.Held);
        Assert.Equal(new PlantInputs(0, HeaterRelayClosed: false, 60, ClampOpen: false), board.Outputs());
    }

    /// <summary>A board commanded <paramref name="command"/> driving a plant with <paramref name="fault"/>; the feedback after one step.</summary>
    private static ActuatorFeedback FeedbackWith(ActuatorCommand command, PlantFault? fault)
    {
        var board = ReleasedBoard.Logic();
        var plant = new PerfusionPlant();
        if (fault is not null)
        {
            plant.Inject(fault);
        }

        board.CommandWritten(command, 2);
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
        var board = ReleasedBoard.Logic();
        var plant = new PerfusionPlant();
        plant.Inject(new HeaterFailedOff());
        board.CommandWritten(Heating, 2);
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
