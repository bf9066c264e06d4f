using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.RealTime;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// The real-time boards (what <c>hipecsafe hil boards</c> runs) power on in the actuator board's safe hold, seen
/// from a master on the other end of a serial line. Nothing here depends on timing: no write can end the hold.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
[Trait("Category", RealTimeSerialGroup.Category)]
public sealed class RealTimeBoardsPowerOnTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    [Verifies("SRS-HIL-024", "SRS-HIL-025")]
    public void The_real_time_actuator_board_powers_on_latched_safe_and_reads_back_the_safe_command()
    {
        using var dir = new TempDirectory();
        using var pty = new PtyPair(dir.Path);
        using var stepped = new ManualResetEventSlim();
        using var boards = new RealTimeBoards(new RealTimeBoardsOptions(new SerialPortOptions(pty.BoardsEnd))).Start();
        using var port = new SerialPortTransport(new SerialPortOptions(pty.ControllerEnd));
        // A generous timeout: this test is about register contents, not about how fast a loaded host answers.
        var master = new ModbusRtuMaster(port, new ModbusMasterOptions { ResponseTimeout = TimeSpan.FromSeconds(1) });
        var unit = BoardAddresses.DefaultActuatorBoard;

        Assert.Equal(new ushort[] { 0, 0, 0, 0, 0, 0 }, master.ReadHoldingRegisters(unit, 0, 6).Value);
        Assert.Equal(1, master.ReadInputRegisters(unit, ActuatorBoardRegisters.BoardStatusWord, 1).Value[0] & 1);

        Assert.True(master.WriteMultipleRegisters(unit, 0, [600, 500, 1, 1, 1]).IsSuccess);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 1, 0 }, master.ReadHoldingRegisters(unit, 0, 6).Value);

        boards.Stepped += _ => stepped.Set();
        Assert.True(stepped.Wait(Guard), "the boards did not step");
        var snapshot = boards.Snapshot;
        Assert.True(snapshot.SafeLatched && snapshot.PowerOnHold, StatusLines.Boards(snapshot));
        Assert.True(snapshot.PlantSafe, StatusLines.Boards(snapshot));
        Assert.Contains("SAFE-LATCHED (power-on hold)", StatusLines.Boards(snapshot), StringComparison.Ordinal);
    }
}
