using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Boards;

/// <summary>Typed board clients against emulated boards (slave engine + register bank) on a virtual-time bus.</summary>
public class BoardClientTests
{
    private sealed class Rig : IDisposable
    {
        public Rig()
        {
            Link = new InMemorySerialLink("board bus", new VirtualBusClock());
            SensorBank = new InMemoryRegisterBank(0, SensorBoardRegisters.Count);
            ActuatorBank = new InMemoryRegisterBank(ActuatorBoardRegisters.HoldingCount, ActuatorBoardRegisters.InputCount,
                (register, value) => RegisterCodec.CheckActuatorHoldingValue(register, value) is null);
            new ModbusRtuSlave(BoardAddresses.Default.SensorBoard, SensorBank).ServeSynchronously(Link.SlaveEnd);
            new ModbusRtuSlave(BoardAddresses.Default.ActuatorBoard, ActuatorBank).ServeSynchronously(Link.SlaveEnd);
            Master = new ModbusRtuMaster(Link.MasterEnd);
            Sensors = new SensorBoardClient(Master);
            Actuators = new ActuatorBoardClient(Master);
        }

        public InMemorySerialLink Link { get; }

        public InMemoryRegisterBank SensorBank { get; }

        public InMemoryRegisterBank ActuatorBank { get; }

        public ModbusRtuMaster Master { get; }

        public SensorBoardClient Sensors { get; }

        public ActuatorBoardClient Actuators { get; }

        public void Dispose() => Link.Dispose();
    }

    private static SensorFrame Sample(ushort counter) => new(
        counter, 0,
        Temperature.FromDegreesCelsius(42.5), Temperature.FromDegreesCelsius(42.45), Temperature.FromDegreesCelsius(41.1),
        Temperature.FromDegreesCelsius(41.8), Temperature.FromDegreesCelsius(41.9), Temperature.FromDegreesCelsius(42.0),
        Temperature.FromDegreesCelsius(41.7), Temperature.FromDegreesCelsius(37.6),
        Pressure.FromMillimetersOfMercury(85.2), VolumetricFlow.FromLitersPerMinute(1.8), Volume.FromLiters(2.5),
        AirDetected: false, Pressure.FromMillimetersOfMercury(11.4));

    [Fact]
    public void The_sensor_client_reads_one_decoded_sample_in_one_transaction()
    {
        using var rig = new Rig();
        var sample = Sample(41);
        rig.SensorBank.SetInputs(0, RegisterCodec.EncodeSensorFrame(sample));

        var result = rig.Sensors.Read();

        Assert.Equal(sample, result.Value);
        Assert.Equal(1, rig.Master.StatisticsOf(1).Attempts);
    }

    [Fact]
    public void The_actuator_client_writes_command_and_heartbeat_in_one_transaction()
    {
        using var rig = new Rig();
        var command = new ActuatorCommand(700, 150.5, ClampOpen: true, HeaterEnabled: true);

        Assert.True(rig.Actuators.Write(command, heartbeat: 12).IsSuccess);

        var (written, heartbeat) = RegisterCodec.DecodeActuatorCommand(rig.ActuatorBank.HoldingSnapshot().AsSpan(0, 5));
        Assert.Equal(command, written);
        Assert.Equal(12, heartbeat);
        Assert.Equal(1, rig.Master.StatisticsOf(2).Attempts);
    }

    [Fact]
    public void The_actuator_client_reads_feedback()
    {
        using var rig = new Rig();
        var feedback = new ActuatorFeedback(BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen,
            700, 150.5, Temperature.FromDegreesCelsius(43.12), 12);
        rig.ActuatorBank.SetInputs(0, RegisterCodec.EncodeActuatorFeedback(feedback));

        Assert.Equal(feedback, rig.Actuators.ReadFeedback().Value);
    }

    [Fact]
    public void The_actuator_client_reads_back_the_held_command_with_one_fc03_read_of_registers_0_to_4()
    {
        using var rig = new Rig();
        var requests = new List<string>();
        rig.Link.Fault = (direction, bytes) =>
        {
            if (direction == LinkDirection.MasterToSlave)
            {
                requests.Add(ToHex(bytes));
            }

            return [LinkDelivery.Now(bytes.ToArray())];
        };
        ushort[] holding = [600, 505, 1, 0, 42]; // 600 ‰, 50.5 rpm, clamp open, heater disabled, heartbeat 42
        for (ushort register = 0; register < holding.Length; register++)
        {
            rig.ActuatorBank.SetHolding(register, holding[register]);
        }

        var held = rig.Actuators.ReadHeld();

        Assert.Equal(new HeldCommand(new ActuatorCommand(600, 50.5, ClampOpen: true, HeaterEnabled: false), 42), held.Value);
        Assert.Equal([ToHex(WithCrc("02 03 00 00 00 05"))], requests);
        Assert.Equal(1, rig.Master.StatisticsOf(2).Transactions);
    }

    [Fact]
    public void The_held_command_reads_back_what_the_client_wrote_to_a_board_that_holds_every_write()
    {
        using var rig = new Rig();
        var command = new ActuatorCommand(700, 150.5, ClampOpen: true, HeaterEnabled: true);
        Assert.True(rig.Actuators.Write(command, heartbeat: 12).IsSuccess);

        Assert.Equal(new HeldCommand(command, 12), rig.Actuators.ReadHeld().Value);
    }

    [Theory]
    [InlineData(ActuatorBoardRegisters.HeaterPowerCommand, 1001, "register 0 read back: heater_power_cmd 1001")]
    [InlineData(ActuatorBoardRegisters.HeaterEnable, 2, "register 3 read back: heater_enable = 2")]
    public void A_held_value_the_board_could_not_hold_fails_as_malformed_and_counts_against_the_board(ushort register, ushort value, string detail)
    {
        using var rig = new Rig();
        rig.ActuatorBank.SetHolding(register, value); // past the bank's write check: a board gone wrong

        var result = rig.Actuators.ReadHeld();

        Assert.Equal(ModbusFailureKind.Malformed, result.Failure?.Kind);
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, result.Failure!.Function);
        Assert.Contains(detail, result.Failure.Detail, StringComparison.Ordinal);
        Assert.Equal(2, rig.Master.StatisticsOf(2).FailuresOf(ModbusFailureKind.Malformed)); // retried once (docs/icd.md §3)
        Assert.Equal(1, rig.Master.StatisticsOf(2).ConsecutiveFailures);
    }

    [Fact]
    public void Latch_reset_writes_the_key_to_register_5()
    {
        using var rig = new Rig();
        Assert.True(rig.Actuators.ResetLatch().IsSuccess);
        Assert.Equal(ActuatorBoardRegisters.LatchResetKey, rig.ActuatorBank.GetHolding(ActuatorBoardRegisters.LatchReset));
    }

    [Fact]
    public void Register_values_the_icd_does_not_define_fail_as_malformed_and_count_against_the_board()
    {
        using var rig = new Rig();
        rig.SensorBank.SetInput(SensorBoardRegisters.AirDetected, 3);

        var result = rig.Sensors.Read();

        Assert.Equal(ModbusFailureKind.Malformed, result.Failure?.Kind);
        Assert.Contains("air_detected = 3", result.Failure!.Detail, StringComparison.Ordinal);
        Assert.Equal(1, rig.Master.StatisticsOf(1).ConsecutiveFailures);
    }

    [Fact]
    public void A_lost_board_gives_three_consecutive_failures_for_that_board_only()
    {
        using var rig = new Rig();
        rig.Link.Fault = (direction, bytes) => direction == LinkDirection.MasterToSlave && bytes[0] == 2
            ? [] // actuator board unreachable
            : [LinkDelivery.Now(bytes.ToArray())];
        rig.SensorBank.SetInputs(0, RegisterCodec.EncodeSensorFrame(Sample(1)));

        for (var cycle = 0; cycle < 3; cycle++)
        {
            Assert.True(rig.Sensors.Read().IsSuccess);
            Assert.Equal(ModbusFailureKind.Timeout, rig.Actuators.Write(ActuatorCommand.Safe, (ushort)cycle).Failure?.Kind);
        }

        Assert.Equal(3, rig.Master.StatisticsOf(BoardAddresses.DefaultActuatorBoard).ConsecutiveFailures);
        Assert.Equal(0, rig.Master.StatisticsOf(BoardAddresses.DefaultSensorBoard).ConsecutiveFailures);
    }

    [Fact]
    public void An_emulated_board_refuses_an_illegal_command_value_with_exception_3()
    {
        using var rig = new Rig();
        var result = rig.Master.WriteSingleRegister(2, ActuatorBoardRegisters.HeaterEnable, 2);
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, result.Failure?.ExceptionCode);
    }

    [Fact]
    public void Board_addresses_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new BoardAddresses(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoardAddresses(0, 2));
        Assert.Equal(1, BoardAddresses.Default.SensorBoard);
        Assert.Equal(2, BoardAddresses.Default.ActuatorBoard);
    }
}
