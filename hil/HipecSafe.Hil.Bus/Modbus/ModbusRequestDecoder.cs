using System.Globalization;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Slave side: turns a complete frame into a request, or says why not. Validation order follows the Modbus
/// Application Protocol's server state diagrams: function supported (else 0x01), quantity/byte count (else 0x03),
/// address range (else 0x02); the register bank then decides on individual addresses and values.
/// </summary>
public static class ModbusRequestDecoder
{
    /// <summary>Returned by <see cref="RequestLength"/> while more header bytes are needed.</summary>
    internal const int NeedMoreBytes = 0;

    /// <summary>Returned by <see cref="RequestLength"/> for a function whose frame length is unknown here.</summary>
    internal const int UnknownLength = -1;

    /// <summary>
    /// Length of the request frame that starts with <paramref name="head"/>, from its function code: 8 for FC 0x03,
    /// 0x04, 0x06; 9 + byte count for FC 0x10 (known once 7 bytes are in).
    /// </summary>
    internal static int RequestLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2)
        {
            return NeedMoreBytes;
        }

        return head[1] switch
        {
            (byte)ModbusFunctionCode.ReadHoldingRegisters or (byte)ModbusFunctionCode.ReadInputRegisters
                or (byte)ModbusFunctionCode.WriteSingleRegister => 8,
            (byte)ModbusFunctionCode.WriteMultipleRegisters => head.Length >= 7 ? 9 + head[6] : NeedMoreBytes,
            _ => UnknownLength,
        };
    }

    public static RequestDecoding Decode(ReadOnlySpan<byte> frame)
    {
        var unit = frame.Length > 0 ? frame[0] : (byte)0;
        var function = frame.Length > 1 ? frame[1] : (byte)0;
        if (frame.Length < ModbusLimits.MinFrameLength)
        {
            return Malformed(unit, function, Invariant($"frame of {frame.Length} bytes is shorter than the minimum {ModbusLimits.MinFrameLength}"));
        }

        if (frame.Length > ModbusLimits.MaxFrameLength)
        {
            return Malformed(unit, function, Invariant($"frame of {frame.Length} bytes is longer than the maximum {ModbusLimits.MaxFrameLength}"));
        }

        if (!Crc16.IsValid(frame))
        {
            return new RequestDecoding(RequestDecodeOutcome.CrcError, unit, function, null, null, Invariant(
                $"CRC 0x{Crc16.Carried(frame):X4} received, 0x{Crc16.Compute(frame[..^2]):X4} computed over {frame.Length - 2} bytes"));
        }

        if (unit > ModbusLimits.MaxUnitAddress)
        {
            return Malformed(unit, function, Invariant($"address {unit} is reserved (valid: 0..{ModbusLimits.MaxUnitAddress})"));
        }

        if ((function & ModbusLimits.ExceptionFlag) != 0)
        {
            // An exception reply (ours echoed back, or another unit's) is never answered: answering could loop forever.
            return Malformed(unit, function, Invariant($"function 0x{function:X2} has the exception bit set: a reply, not a request"));
        }

        return function switch
        {
            (byte)ModbusFunctionCode.ReadHoldingRegisters or (byte)ModbusFunctionCode.ReadInputRegisters => DecodeRead(frame),
            (byte)ModbusFunctionCode.WriteSingleRegister => DecodeWriteSingle(frame),
            (byte)ModbusFunctionCode.WriteMultipleRegisters => DecodeWriteMultiple(frame),
            _ => Refused(unit, function, ModbusExceptionCode.IllegalFunction, Invariant($"function 0x{function:X2} is not supported")),
        };
    }

    private static RequestDecoding DecodeRead(ReadOnlySpan<byte> frame)
    {
        var (unit, function) = (frame[0], frame[1]);
        if (frame.Length != 8)
        {
            return Malformed(unit, function, Invariant($"FC 0x{function:X2} request of {frame.Length} bytes, expected 8"));
        }

        var start = RtuFrame.Word(frame, 2);
        var quantity = RtuFrame.Word(frame, 4);
        if (quantity is < 1 or > ModbusLimits.MaxReadQuantity)
        {
            return Refused(unit, function, ModbusExceptionCode.IllegalDataValue,
                Invariant($"quantity {quantity} outside 1..{ModbusLimits.MaxReadQuantity}"));
        }

        if (start + quantity > 0x10000)
        {
            return Refused(unit, function, ModbusExceptionCode.IllegalDataAddress,
                Invariant($"registers {start}..{start + quantity - 1} run past address 65535"));
        }

        return Accepted(new ReadRegistersRequest(unit, (ModbusFunctionCode)function, start, quantity));
    }

    private static RequestDecoding DecodeWriteSingle(ReadOnlySpan<byte> frame)
    {
        var (unit, function) = (frame[0], frame[1]);
        return frame.Length != 8
            ? Malformed(unit, function, Invariant($"FC 0x06 request of {frame.Length} bytes, expected 8"))
            : Accepted(new WriteSingleRegisterRequest(unit, RtuFrame.Word(frame, 2), RtuFrame.Word(frame, 4)));
    }

    private static RequestDecoding DecodeWriteMultiple(ReadOnlySpan<byte> frame)
    {
        var (unit, function) = (frame[0], frame[1]);
        if (frame.Length < 9 || frame.Length != 9 + frame[6])
        {
            return Malformed(unit, function, Invariant(
                $"FC 0x10 request of {frame.Length} bytes does not match its byte count {(frame.Length > 6 ? frame[6] : 0)} (expected 9 + byte count)"));
        }

        var start = RtuFrame.Word(frame, 2);
        var quantity = RtuFrame.Word(frame, 4);
        var byteCount = frame[6];
        if (quantity is < 1 or > ModbusLimits.MaxWriteQuantity || byteCount != 2 * quantity)
        {
            return Refused(unit, function, ModbusExceptionCode.IllegalDataValue, Invariant(
                $"quantity {quantity} with byte count {byteCount} (need 1..{ModbusLimits.MaxWriteQuantity} registers, 2 bytes each)"));
        }

        if (start + quantity > 0x10000)
        {
            return Refused(unit, function, ModbusExceptionCode.IllegalDataAddress,
                Invariant($"registers {start}..{start + quantity - 1} run past address 65535"));
        }

        // The request copies the values it is given: read them onto the stack rather than into an array of their own.
        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxWriteQuantity];
        values = values[..quantity];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = RtuFrame.Word(frame, 7 + (2 * i));
        }

        return Accepted(new WriteMultipleRegistersRequest(unit, start, values));
    }

    private static RequestDecoding Accepted(ModbusRequest request) =>
        new(RequestDecodeOutcome.Request, request.Unit, (byte)request.Function, request, null, "ok");

    private static RequestDecoding Refused(byte unit, byte function, ModbusExceptionCode code, string detail) =>
        new(RequestDecodeOutcome.Refused, unit, function, null, code, detail);

    private static RequestDecoding Malformed(byte unit, byte function, string detail) =>
        new(RequestDecodeOutcome.Malformed, unit, function, null, null, detail);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
