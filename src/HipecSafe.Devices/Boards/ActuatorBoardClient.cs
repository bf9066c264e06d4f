using System.Diagnostics.CodeAnalysis;
using HipecSafe.Core.Actuators;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Boards;

/// <summary>
/// The controller's view of the actuator board: one FC 0x10 write of holding registers 0..4 (command + heartbeat)
/// per cycle, one FC 0x04 read of input registers 0..4 for feedback, one FC 0x03 read of holding registers 0..4 for
/// the command the board holds, and the latch reset (FC 0x06, 0x5AFE to register 5).
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
    /// Reads back what the board holds in holding registers 0..4 (docs/icd.md: safe values while it is latched, heater
    /// registers 0 while its limiter is tripped). Values the board could not hold fail as <see cref="ModbusFailureKind.Malformed"/>.
    /// </summary>
    public ModbusResult<HeldCommand> ReadHeld() => _master.Execute<HeldCommand>(_readHeld, DecodeHeld);

    /// <summary>
    /// Asks the board to clear its safe latch. It only does so while it holds heater_enable 0, limiter_temp is below
    /// 44.0 °C and the heartbeat changed within the last 500 ms (docs/icd.md); the write is acknowledged either way.
    /// </summary>
    public ModbusResult ResetLatch() =>
        _master.WriteSingleRegister(Unit, ActuatorBoardRegisters.LatchReset, ActuatorBoardRegisters.LatchResetKey);

    private static bool Decode(ushort[] registers, [NotNullWhen(true)] out ActuatorFeedback? feedback, [NotNullWhen(false)] out string? error) =>
        RegisterCodec.TryDecodeActuatorFeedback(registers, out feedback, out error);

    private static bool DecodeHeld(ushort[] registers, [NotNullWhen(true)] out HeldCommand? held, [NotNullWhen(false)] out string? error) =>
        RegisterCodec.TryDecodeHeldCommand(registers, out held, out error);
}
