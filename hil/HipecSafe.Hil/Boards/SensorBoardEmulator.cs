using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;

namespace HipecSafe.Hil.Boards;

/// <summary>
/// The sensor board as a Modbus slave (docs/icd.md, slave 1): input registers 0..14 hold the latest sample;
/// there are no holding registers. The rig publishes a new sample every 50 ms (20 Hz).
/// </summary>
public sealed class SensorBoardEmulator : IModbusRegisterBank
{
    private readonly object _gate = new();
    private ushort[] _registers = new ushort[SensorBoardRegisters.Count];

    public void Publish(SensorFrame frame)
    {
        var encoded = RegisterCodec.EncodeSensorFrame(frame);
        lock (_gate)
        {
            _registers = encoded;
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination) => ModbusExceptionCode.IllegalDataAddress;

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > _registers.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            _registers.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => ModbusExceptionCode.IllegalDataAddress;
}
