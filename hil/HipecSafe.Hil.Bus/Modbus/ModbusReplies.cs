using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>Encodes the replies a slave sends (complete RTU frames, CRC included).</summary>
public static class ModbusReplies
{
    /// <summary>FC 0x03 / 0x04 reply: byte count then the register values, big-endian.</summary>
    public static byte[] ReadRegisters(byte unit, ModbusFunctionCode function, ReadOnlySpan<ushort> values)
    {
        if (function is not (ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "a register read reply is FC 0x03 or FC 0x04");
        }

        if (values.Length is < 1 or > ModbusLimits.MaxReadQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, $"a read reply carries 1..{ModbusLimits.MaxReadQuantity} registers");
        }

        var data = new byte[1 + (2 * values.Length)];
        data[0] = (byte)(2 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            RtuFrame.PutWord(data, 1 + (2 * i), values[i]);
        }

        return RtuFrame.Build(unit, (byte)function, data);
    }

    /// <summary>FC 0x06 reply: an echo of the request.</summary>
    public static byte[] WriteSingleRegister(byte unit, ushort address, ushort value) =>
        new WriteSingleRegisterRequest(unit, address, value).Encode();

    /// <summary>FC 0x10 reply: start address and quantity written.</summary>
    public static byte[] WriteMultipleRegisters(byte unit, ushort startAddress, ushort quantity)
    {
        Span<byte> data = stackalloc byte[4];
        RtuFrame.PutWord(data, 0, startAddress);
        RtuFrame.PutWord(data, 2, quantity);
        return RtuFrame.Build(unit, (byte)ModbusFunctionCode.WriteMultipleRegisters, data);
    }

    /// <summary>Exception reply: the request's function code with bit 7 set, then the exception code.</summary>
    public static byte[] Exception(byte unit, byte functionCode, ModbusExceptionCode code) =>
        RtuFrame.Build(unit, (byte)(functionCode | ModbusLimits.ExceptionFlag), [(byte)code]);
}
