using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// The registers behind a <see cref="ModbusRtuSlave"/>. Each call returns null on success or the exception code to
/// answer with: <see cref="ModbusExceptionCode.IllegalDataAddress"/> for a register that does not exist,
/// <see cref="ModbusExceptionCode.IllegalDataValue"/> for a value the register refuses. A refused write must
/// change nothing. Calls come from the thread serving the bus; implementations guard their own state.
/// </summary>
public interface IModbusRegisterBank
{
    ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination);

    ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination);

    ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values);
}
