using System.Diagnostics.CodeAnalysis;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Boards;

/// <summary>The controller's view of the sensor board: one FC 0x04 read of input registers 0..14 per sample.</summary>
public sealed class SensorBoardClient
{
    private readonly ModbusRtuMaster _master;
    private readonly ReadRegistersRequest _readAll;

    public SensorBoardClient(ModbusRtuMaster master, byte unit = BoardAddresses.DefaultSensorBoard)
    {
        ArgumentNullException.ThrowIfNull(master);
        _master = master;
        _readAll = new ReadRegistersRequest(unit, ModbusFunctionCode.ReadInputRegisters, SensorBoardRegisters.SampleCounter, SensorBoardRegisters.Count);
    }

    public byte Unit => _readAll.Unit;

    /// <summary>Reads and decodes one sample; register values the ICD does not define fail as <see cref="ModbusFailureKind.Malformed"/>.</summary>
    public ModbusResult<SensorFrame> Read() => _master.Execute<SensorFrame>(_readAll, Decode);

    private static bool Decode(ushort[] registers, [NotNullWhen(true)] out SensorFrame? frame, [NotNullWhen(false)] out string? error) =>
        RegisterCodec.TryDecodeSensorFrame(registers, out frame, out error);
}
