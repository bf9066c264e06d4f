using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Boards;

/// <summary>
/// The actuator board at its register bank: holding registers 0–5 as the ICD numbers them (heater_power_cmd ‰,
/// pump_speed_cmd 0.1 rpm, inflow_clamp_cmd, heater_enable, heartbeat, latch_reset) and board_status in input
/// register 0. Expected register values are written out from the ICD's statements, not taken from the codec.
/// </summary>
public class ActuatorBoardEmulatorTests
{
    private const ushort LatchResetKey = 0x5AFE;
    private static readonly Temperature Cool = ReleasedBoard.Cool;

    // heater 600 ‰, pump 50.0 rpm = 500 counts, clamp open, heater enabled
    private static readonly ushort[] Heating = [600, 500, 1, 1];

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static ushort[] Holding(ActuatorBoardEmulator board)
    {
        var registers = new ushort[6];
        Assert.Null(board.ReadHoldingRegisters(0, registers));
        return registers;
    }

    private static ushort BoardStatus(ActuatorBoardEmulator board)
    {
        board.Publish(new PlantState());
        var status = new ushort[1];
        Assert.Null(board.ReadInputRegisters(0, status));
        return status[0];
    }

    private static void Write(ActuatorBoardEmulator board, ushort start, params ushort[] values) =>
        Assert.Null(board.WriteHoldingRegisters(start, values)); // acknowledged

    /// <summary>Released at t = 0 by the ICD's sequence: heartbeat 1 with heater_enable 0, then latch_reset.</summary>
    private static ActuatorBoardEmulator Released()
    {
        var board = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        board.Step(Ms(0), Cool);
        Write(board, 0, 0, 0, 0, 0, 1);
        Write(board, 5, LatchResetKey);
        Assert.False(board.Logic.SafeLatched);
        return board;
    }

    [Fact]
    [Verifies("SRS-HIL-024", "SRS-HIL-025")]
    public void At_power_on_the_board_reads_back_the_safe_command_with_board_status_bit0_set()
    {
        var board = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        var status = new ushort[1];
        Assert.Null(board.ReadInputRegisters(0, status)); // before the rig publishes anything

        Assert.Equal(1, status[0] & 1);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 0, 0 }, Holding(board));
        Assert.Equal(1, BoardStatus(board) & 1);
        Assert.Equal(PlantInputs.Off, board.Step(Ms(50), Cool));
    }

    [Fact]
    [Verifies("SRS-HIL-025")]
    public void Writes_while_latched_are_acknowledged_but_only_the_heartbeat_is_held()
    {
        var board = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        board.Step(Ms(0), Cool);

        Write(board, 0, [.. Heating, 7]);
        Write(board, 1, 700); // FC 0x06 to pump_speed_cmd

        Assert.Equal(new ushort[] { 0, 0, 0, 0, 7, 0 }, Holding(board));
        Assert.Equal(PlantInputs.Off, board.Step(Ms(50), Cool));
    }

    [Fact]
    [Verifies("SRS-HIL-024", "SRS-HIL-025")]
    public void After_the_release_the_registers_keep_the_safe_values_until_the_next_write()
    {
        var board = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        board.Step(Ms(0), Cool);
        Write(board, 0, [.. Heating, 1]);

        Write(board, 5, LatchResetKey);

        Assert.False(board.Logic.SafeLatched);
        Assert.Equal(0, BoardStatus(board) & 1);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, Holding(board));
        Assert.Equal(PlantInputs.Off, board.Step(Ms(50), Cool));

        Write(board, 0, [.. Heating, 2]);

        Assert.Equal(new ushort[] { 600, 500, 1, 1, 2, 0 }, Holding(board));
        Assert.Equal(new PlantInputs(600, HeaterRelayClosed: true, 50, ClampOpen: true), board.Step(Ms(100), Cool));
    }

    [Fact]
    [Verifies("SRS-HIL-024", "SRS-HIL-025")]
    public void One_write_of_registers_0_to_5_releases_the_hold_with_the_safe_command_held()
    {
        // The written heater_enable 1 is not held while latched, so the release condition (held heater_enable 0) is
        // met; what the same write asked for in registers 0–3 is not held after the release either.
        var board = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        board.Step(Ms(0), Cool);

        Write(board, 0, [.. Heating, 1, LatchResetKey]);

        Assert.False(board.Logic.SafeLatched);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, Holding(board));
    }

    [Fact]
    [Verifies("SRS-HIL-024")]
    public void A_latch_reset_that_misses_a_condition_changes_nothing()
    {
        var stale = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        stale.Step(Ms(0), Cool);
        Write(stale, 4, 1);
        stale.Step(Ms(550), Cool); // heartbeat last changed 550 ms ago

        var hot = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        hot.Step(Ms(0), Temperature.FromDegreesCelsius(44.0));
        Write(hot, 4, 1);

        foreach (var board in new[] { stale, hot })
        {
            Write(board, 5, LatchResetKey); // acknowledged: the value is legal
            Assert.True(board.Logic.SafeLatched);
            Assert.Equal(1, BoardStatus(board) & 1);
            Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, Holding(board));
        }
    }

    [Fact]
    [Verifies("SRS-HIL-020", "SRS-HIL-025")]
    public void The_watchdog_latch_forces_registers_0_to_3_to_safe_and_keeps_the_heartbeat()
    {
        var board = Released();
        Write(board, 0, [.. Heating, 2]);
        board.Step(Ms(500), Cool);
        Assert.Equal(new ushort[] { 600, 500, 1, 1, 2, 0 }, Holding(board));

        board.Step(Ms(550), Cool);

        Assert.Equal(new ushort[] { 0, 0, 0, 0, 2, 0 }, Holding(board));
        Assert.Equal(1, BoardStatus(board) & 1);
        Write(board, 0, [.. Heating, 3]);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 3, 0 }, Holding(board));
    }

    [Fact]
    [Verifies("SRS-HIL-026")]
    public void A_tripped_limiter_forces_heater_power_and_heater_enable_to_0_and_keeps_pump_and_clamp()
    {
        var board = Released();
        Write(board, 0, [.. Heating, 2]);

        var outputs = board.Step(Ms(50), Temperature.FromDegreesCelsius(46.0));

        Assert.Equal(new ushort[] { 0, 500, 1, 0, 2, 0 }, Holding(board));
        Assert.Equal(new PlantInputs(0, HeaterRelayClosed: false, 50, ClampOpen: true), outputs);
        Assert.Equal(2, BoardStatus(board) & 2);

        Write(board, 0, 700, 600, 0, 1, 3); // while tripped, the heater registers stay 0
        Assert.Equal(new ushort[] { 0, 600, 0, 0, 3, 0 }, Holding(board));
        Write(board, 3, 1);
        Assert.Equal(new ushort[] { 0, 600, 0, 0, 3, 0 }, Holding(board));
    }

    [Fact]
    [Verifies("SRS-HIL-021", "SRS-HIL-026")]
    public void After_the_limiter_is_reset_the_heater_registers_stay_0_until_the_next_write()
    {
        var board = Released();
        Write(board, 0, [.. Heating, 2]);
        board.Step(Ms(50), Temperature.FromDegreesCelsius(46.0));
        Write(board, 4, 3);
        board.Step(Ms(100), Temperature.FromDegreesCelsius(43.99));

        Write(board, 5, LatchResetKey);

        Assert.False(board.Logic.LimiterTripped);
        Assert.Equal(0, BoardStatus(board) & 2);
        Assert.Equal(new ushort[] { 0, 500, 1, 0, 3, 0 }, Holding(board));
        Write(board, 0, [.. Heating, 4]);
        Assert.Equal(new ushort[] { 600, 500, 1, 1, 4, 0 }, Holding(board));
    }

    [Fact]
    [Verifies("SRS-HIL-022")]
    public void A_refused_write_to_a_running_board_changes_nothing_it_holds()
    {
        var board = Released();
        Write(board, 0, [.. Heating, 2]);

        Assert.Equal(ModbusExceptionCode.IllegalDataValue, board.WriteHoldingRegisters(0, [1001, 0, 0, 0, 3]));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, board.WriteHoldingRegisters(2, [2]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, board.WriteHoldingRegisters(4, [3, LatchResetKey, 0]));

        Assert.Equal(new ushort[] { 600, 500, 1, 1, 2, 0 }, Holding(board));
        Assert.Equal(new ActuatorCommand(600, 50, ClampOpen: true, HeaterEnabled: true), board.Logic.Held);
    }
    [Fact]
    [Verifies("SRS-HIL-029")]
    public void The_heartbeat_echo_follows_a_write_at_once_and_a_stuck_echo_does_not()
    {
        // docs/icd.md §6.2: heartbeat_echo (input register 4) is the last heartbeat value the board received.
        var board = Released();
        board.Publish(new PlantState());
        Write(board, 0, 0, 0, 0, 0, 2);
        var echo = new ushort[1];
        Assert.Null(board.ReadInputRegisters(4, echo));
        Assert.Equal((ushort)2, echo[0]);

        board.Inject(new ActuatorRegisterStuck(ActuatorFeedbackRegister.HeartbeatEcho));
        Write(board, 0, 0, 0, 0, 0, 3);
        Assert.Null(board.ReadInputRegisters(4, echo));
        Assert.Equal((ushort)2, echo[0]);
        Assert.Equal((ushort)3, Holding(board)[4]);
    }
}
