using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Boards;

/// <summary>
/// The actuator board as the controller meets it: a Modbus RTU slave at unit 2 on a virtual-time line, driven by the
/// device's own master with FC 0x03 / 0x04 / 0x06 / 0x10 frames.
/// </summary>
public sealed class ActuatorBoardOverModbusTests : IDisposable
{
    private const byte Unit = 2;
    private const ushort LatchResetKey = 0x5AFE;
    private static readonly Temperature Cool = ReleasedBoard.Cool;

    private readonly InMemorySerialLink _line = new("actuator board line", new VirtualBusClock());
    private readonly ActuatorBoardEmulator _board = new(new ActuatorBoardLogic());
    private readonly ModbusRtuMaster _master;

    public ActuatorBoardOverModbusTests()
    {
        new ModbusRtuSlave(Unit, _board).ServeSynchronously(_line.SlaveEnd);
        _master = new ModbusRtuMaster(_line.MasterEnd);
    }

    public void Dispose() => _line.Dispose();

    private ushort[] ReadHolding() => _master.ReadHoldingRegisters(Unit, 0, 6).Value;

    private void Acknowledged(ModbusResult result) => Assert.True(result.IsSuccess, result.ToString());

    [Fact]
    [Verifies("SRS-HIL-024", "SRS-HIL-025")]
    public void Fc03_reads_back_what_the_board_holds_through_hold_release_and_watchdog_latch()
    {
        _board.Step(TimeSpan.Zero, Cool);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 0, 0 }, ReadHolding());
        Assert.Equal(1, _master.ReadInputRegisters(Unit, 0, 1).Value[0] & 1);

        // In the hold: the command write is acknowledged, only the heartbeat is held.
        Acknowledged(_master.WriteMultipleRegisters(Unit, 0, [600, 500, 1, 1, 1]));
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, ReadHolding());

        // Released (heartbeat just changed, heater_enable held 0, limiter cool): still the safe values.
        Acknowledged(_master.WriteSingleRegister(Unit, 5, LatchResetKey));
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, ReadHolding());
        _board.Publish(default);
        Assert.Equal(0, _master.ReadInputRegisters(Unit, 0, 1).Value[0] & 1);

        // The next write is held.
        Acknowledged(_master.WriteMultipleRegisters(Unit, 0, [600, 500, 1, 1, 2]));
        Assert.Equal(new ushort[] { 600, 500, 1, 1, 2, 0 }, ReadHolding());

        // Heartbeat unchanged for more than 500 ms: latched, registers 0–3 forced safe, heartbeat kept.
        _board.Step(TimeSpan.FromMilliseconds(550), Cool);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 2, 0 }, ReadHolding());
    }

    [Fact]
    [Verifies("SRS-HIL-026")]
    public void Fc03_shows_the_heater_registers_forced_to_0_by_a_tripped_limiter()
    {
        _board.Step(TimeSpan.Zero, Cool);
        Acknowledged(_master.WriteMultipleRegisters(Unit, 0, [0, 0, 0, 0, 1]));
        Acknowledged(_master.WriteSingleRegister(Unit, 5, LatchResetKey));
        Acknowledged(_master.WriteMultipleRegisters(Unit, 0, [600, 500, 1, 1, 2]));

        _board.Step(TimeSpan.FromMilliseconds(50), Temperature.FromDegreesCelsius(46.0));

        Assert.Equal(new ushort[] { 0, 500, 1, 0, 2, 0 }, ReadHolding());
    }
}
