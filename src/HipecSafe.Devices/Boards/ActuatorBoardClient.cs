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
    private readonly ReadRegistersRequest _readHeld;

    public ActuatorBoardClient(ModbusRtuMaster master, byte unit = BoardAddresses.DefaultActuatorBoard)
    {
        ArgumentNullException.ThrowIfNull(master);
        _master = master;
        _readFeedback = new ReadRegistersRequest(unit, ModbusFunctionCode.ReadInputRegisters, ActuatorBoardRegisters.BoardStatusWord, ActuatorBoardRegisters.InputCount);
        _readHeld = new ReadRegistersRequest(unit, ModbusFunctionCode.ReadHoldingRegisters, ActuatorBoardRegisters.HeaterPowerCommand, ActuatorBoardRegisters.CommandCount);
    }

    public byte Unit => _readFeedback.Unit;

    /// <summary>Writes heater power, pump speed, clamp, heater enable and the heartbeat in one transaction.</summary>
    public ModbusResult Write(ActuatorCommand command, ushort heartbeat) =>
        _master.WriteMultipleRegisters(Unit, ActuatorBoardRegisters.HeaterPowerCommand, RegisterCodec.EncodeActuatorCommand(command, heartbeat));

    public ModbusResult<ActuatorFeedback> ReadFeedback() => _master.Execute<ActuatorFeedback>(_readFeedback, Decode);

    /// <summary>
    /// Reads back holding registers 0..4 (FC 0x03): what the board holds now, including the safe values it forced while
    /// latched (docs/icd.md). Values out of the registers' ranges are a counted Malformed failure.
    /// </summary>
    public ModbusResult<HeldCommand> ReadHeld() => _master.Execute<HeldCommand>(_readHeld, DecodeHeld);

    /// <summary>Asks the board to clear its safe latch (it only does so with heater_enable = 0 and a changing heartbeat, docs/icd.md).</summary>
    public ModbusResult ResetLatch() =>
        _master.WriteSingleRegister(Unit, ActuatorBoardRegisters.LatchReset, ActuatorBoardRegisters.LatchResetKey);

    private static bool DecodeHeld(ushort[] registers, [NotNullWhen(true)] out HeldCommand? held, [NotNullWhen(false)] out string? error)
    {
        held = RegisterCodec.TryDecodeActuatorCommand(registers, out var command, out var heartbeat, out error) ? new HeldCommand(command, heartbeat) : null;
        return held is not null;
    }

    private static bool Decode(ushort[] registers, [NotNullWhen(true)] out ActuatorFeedback? feedback, [NotNullWhen(false)] out string? error) =>
        RegisterCodec.TryDecodeActuatorFeedback(registers, out feedback, out error);
}
