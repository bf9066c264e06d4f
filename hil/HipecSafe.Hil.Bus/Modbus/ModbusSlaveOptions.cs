using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>How a <see cref="ModbusRtuSlave"/> delimits frames on its line.</summary>
public sealed record ModbusSlaveOptions
{
    /// <summary>Line timing; its inter-frame silence (t3.5) ends a frame that length and CRC did not.</summary>
    public SerialLineTiming Timing { get; init; } = SerialLineTiming.Default;
}
