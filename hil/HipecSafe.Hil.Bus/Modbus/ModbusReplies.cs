using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Encodes the replies a slave sends (complete RTU frames, CRC included). Each reply can be written into a caller's
/// buffer (the slave engine reuses one per unit, as the link copies what is written) or returned as a new array.
/// </summary>
public static class ModbusReplies
{
    /// <summary>FC 0x03 / 0x04 reply: byte count then the register values, big-endian.</summary>
    public static byte[] ReadRegisters(byte unit, ModbusFunctionCode function, ReadOnlySpan<ushort> values)
    {
        Span<byte> frame = stackalloc byte[ModbusLimits.MaxFrameLength];
        return frame[..WriteReadRegisters(frame, unit, function, values)].ToArray();
    }

    /// <summary>FC 0x06 reply: an echo of the request.</summary>
    public static byte[] WriteSingleRegister(byte unit, ushort address, ushort value) =>
        new WriteSingleRegisterRequest(unit, address, value).Encode();

    /// <summary>FC 0x10 reply: start address and quantity written.</summary>
    public static byte[] WriteMultipleRegisters(byte unit, ushort startAddress, ushort quantity)
    {
        Span<byte> frame = stackalloc byte[8];
        return frame[..WriteWriteMultipleRegisters(frame, unit, startAddress, quantity)].ToArray();
    }

    /// <summary>Exception reply: the request's function code with bit 7 set, then the exception code.</summary>
    public static byte[] Exception(byte unit, byte functionCode, ModbusExceptionCode code)
    {
        Span<byte> frame = stackalloc byte[ModbusLimits.ExceptionReplyLength];
        return frame[..WriteException(frame, unit, functionCode, code)].ToArray();
    }

    /// <summary><see cref="ReadRegisters"/> written into <paramref name="destination"/>; returns the frame's length.</summary>
    internal static int WriteReadRegisters(Span<byte> destination, byte unit, ModbusFunctionCode function, ReadOnlySpan<ushort> values)
    {
        if (function is not (ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "a register read reply is FC 0x03 or FC 0x04");
        }

        if (values.Length is < 1 or > ModbusLimits.MaxReadQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, $"a read reply carries 1..{ModbusLimits.MaxReadQuantity} registers");
        }

        var length = 2 + 1 + (2 * values.Length) + Crc16.Length;
        var frame = destination[..length];
        frame[0] = unit;
        frame[1] = (byte)function;
        frame[2] = (byte)(2 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            RtuFrame.PutWord(frame, 3 + (2 * i), values[i]);
        }

        Crc16.Write(frame[..^Crc16.Length], frame[^Crc16.Length..]);
        return length;
    }

    /// <summary><see cref="WriteSingleRegister"/> written into <paramref name="destination"/>; returns the frame's length.</summary>
    internal static int WriteWriteSingleRegister(Span<byte> destination, byte unit, ushort address, ushort value) =>
        WriteTwoWords(destination, unit, (byte)ModbusFunctionCode.WriteSingleRegister, address, value);

    /// <summary><see cref="WriteMultipleRegisters"/> written into <paramref name="destination"/>; returns the frame's length.</summary>
    internal static int WriteWriteMultipleRegisters(Span<byte> destination, byte unit, ushort startAddress, ushort quantity) =>
        WriteTwoWords(destination, unit, (byte)ModbusFunctionCode.WriteMultipleRegisters, startAddress, quantity);

    /// <summary><see cref="Exception"/> written into <paramref name="destination"/>; returns the frame's length.</summary>
    internal static int WriteException(Span<byte> destination, byte unit, byte functionCode, ModbusExceptionCode code)
    {
        var frame = destination[..ModbusLimits.ExceptionReplyLength];
        frame[0] = unit;
        frame[1] = (byte)(functionCode | ModbusLimits.ExceptionFlag);
        frame[2] = (byte)code;
        Crc16.Write(frame[..^Crc16.Length], frame[^Crc16.Length..]);
        return frame.Length;
    }

    // Unit, function, two big-endian words, CRC: the FC 0x06 echo and the FC 0x10 acknowledgement.
    private static int WriteTwoWords(Span<byte> destination, byte unit, byte functionCode, ushort first, ushort second)
    {
        var frame = destination[..8];
        frame[0] = unit;
        frame[1] = functionCode;
        RtuFrame.PutWord(frame, 2, first);
        RtuFrame.PutWord(frame, 4, second);
        Crc16.Write(frame[..^Crc16.Length], frame[^Crc16.Length..]);
        return frame.Length;
    }
}
