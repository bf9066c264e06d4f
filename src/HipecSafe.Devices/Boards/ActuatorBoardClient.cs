using System.Diagnostics.CodeAnalysis;
using HipecSafe.Core.Actuators;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Boards;

/// <summary>
/// The controller's view of the actuator board: one FC 0x10 write of holding registers 0..4 (command + heartbeat)
/// per cycle, one FC 0x04 read of input registers 0..4 for feedback, and the latch reset (FC 0x06, 0x5AFE to
/// register 5).
/// </summary>
public sealed class ActuatorBoardClient
{
    private readonly ModbusRtuMaster _master;
    private readonly ReadRegistersRequest _readFeedback;

    public ActuatorBoardClient(ModbusRtuMaster master, byte unit = BoardAddresses.DefaultActuatorBoard)
    {
        ArgumentNullException.ThrowIfNull(master);
        _master = master;
        _readFeedback = new ReadRegistersRequest(unit, ModbusFunctionCode.ReadInputRegisters, ActuatorBoardRegisters.BoardStatusWord, ActuatorBoardRegisters.InputCount);
    }

    public byte Unit => _readFeedback.Unit;

    /// <summary>Writes heater power, pump speed, clamp, heater enable and the heartbeat in one transaction.</summary>
    public ModbusResult Write(ActuatorCommand command, ushort heartbeat) =>
        _master.WriteMultipleRegisters(Unit, ActuatorBoardRegisters.HeaterPowerCommand, RegisterCodec.EncodeActuatorCommand(command, heartbeat));

    public ModbusResult<ActuatorFeedback> ReadFeedback() => _master.Execute<ActuatorFeedback>(_readFeedback, Decode);

    /// <summary>Asks the board to clear its safe latch (it only does so with heater_enable = 0, see shared/icd.md).</summary>
    public ModbusResult ResetLatch() =>
        _master.WriteSingleRegister(Unit, ActuatorBoardRegisters.LatchReset, ActuatorBoardRegisters.LatchResetKey);

    private static bool Decode(ushort[] registers, [NotNullWhen(true)] out ActuatorFeedback? feedback, [NotNullWhen(false)] out string? error) =>
        RegisterCodec.TryDecodeActuatorFeedback(registers, out feedback, out error);
}
