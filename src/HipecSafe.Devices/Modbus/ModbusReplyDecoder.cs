using System.Globalization;

namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Master side: checks the bytes received for a request and turns them into register values or a typed failure.
/// Order of checks: length, CRC, address, function code (exception form first), then content against the request.
/// </summary>
public static class ModbusReplyDecoder
{
    /// <summary><see cref="MatchedLength"/>: a byte received so far contradicts the reply to the request.</summary>
    public const int NotThisReply = -1;

    /// <summary><see cref="MatchedLength"/>: the header is not complete yet.</summary>
    public const int NeedMoreBytes = 0;

    // A write's success carries no registers and results are immutable: one shared value instead of one per write.
    private static readonly ModbusResult<ushort[]> Acknowledged = ModbusResult.Ok(Array.Empty<ushort>());

    /// <summary>
    /// Bytes the master reads before <see cref="MatchedLength"/> can decide: address and function code, plus the
    /// byte count of a read (the only reply whose length it carries).
    /// </summary>
    public static int HeaderLength(ModbusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is ReadRegistersRequest ? 3 : 2;
    }

    /// <summary>
    /// Whether <paramref name="head"/>, the first bytes of a frame, can start the reply to <paramref name="request"/>
    /// (docs/icd.md §3): its unit, its function code or the exception form of it, and for a read the byte count
    /// (2 × quantity). Returns the whole reply's length once the header matches, <see cref="NeedMoreBytes"/> while
    /// it is incomplete, <see cref="NotThisReply"/> as soon as a byte contradicts it (another unit's or another
    /// function's frame, a late reply to another request, noise).
    /// </summary>
    public static int MatchedLength(ModbusRequest request, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (head.IsEmpty)
        {
            return NeedMoreBytes;
        }

        if (head[0] != request.Unit)
        {
            return NotThisReply;
        }

        if (head.Length < 2)
        {
            return NeedMoreBytes;
        }

        var requested = (byte)request.Function;
        if (head[1] == (requested | ModbusLimits.ExceptionFlag))
        {
            return ModbusLimits.ExceptionReplyLength;
        }

        if (head[1] != requested)
        {
            return NotThisReply;
        }

        if (request is not ReadRegistersRequest read)
        {
            return request.ExpectedReplyLength;
        }

        if (head.Length < 3)
        {
            return NeedMoreBytes;
        }

        return head[2] == 2 * read.Quantity ? request.ExpectedReplyLength : NotThisReply;
    }

    /// <summary>
    /// Why bytes the master discarded while waiting for <paramref name="request"/>'s reply were not it: a whole frame
    /// (valid CRC) from another unit, with another function or of another length (<see cref="ModbusFailureKind.WrongAddress"/>,
    /// <see cref="ModbusFailureKind.WrongFunction"/>, <see cref="ModbusFailureKind.Malformed"/>), or bytes that form no
    /// frame: noise or a corrupted frame (<see cref="ModbusFailureKind.CrcError"/>).
    /// </summary>
    public static ModbusFailure ForeignFrameFailure(ModbusRequest request, ReadOnlySpan<byte> discarded)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (discarded.Length >= ModbusLimits.MinFrameLength && Crc16.IsValid(discarded))
        {
            var classified = Classify(request, discarded);
            if (!classified.IsSuccess)
            {
                return classified.Failure;
            }
        }

        return new ModbusFailure(ModbusFailureKind.CrcError, request.Unit, request.Function,
            Invariant($"{discarded.Length} bytes that form no frame (noise or a corrupted frame): {RtuFrame.Hex(discarded)}"));
    }

    /// <summary>
    /// Length of the whole reply once its first two bytes are known: an exception reply is 5 bytes, anything else is
    /// taken to be the request's normal reply length (a foreign function code is caught after the CRC check).
    /// </summary>
    public static int ExpectedLength(ModbusRequest request, byte replyFunctionCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        return replyFunctionCode == ((byte)request.Function | ModbusLimits.ExceptionFlag)
            ? ModbusLimits.ExceptionReplyLength
            : request.ExpectedReplyLength;
    }

    /// <summary>
    /// Decodes what arrived for <paramref name="request"/> (possibly fewer bytes than expected, when the timeout hit).
    /// Success carries the registers read (empty for writes).
    /// </summary>
    public static ModbusResult<ushort[]> Decode(ModbusRequest request, ReadOnlySpan<byte> received)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (received.IsEmpty)
        {
            return Fail(request, ModbusFailureKind.Timeout, "no reply");
        }

        var expected = received.Length >= 2 ? ExpectedLength(request, received[1]) : request.ExpectedReplyLength;
        if (received.Length < expected)
        {
            // A short frame with a valid CRC is a complete (wrong) answer, not a cut-off one: say what is wrong with it.
            return received.Length >= ModbusLimits.MinFrameLength && Crc16.IsValid(received)
                ? Classify(request, received)
                : Fail(request, ModbusFailureKind.Truncated, Invariant($"received {received.Length} of {expected} bytes: {RtuFrame.Hex(received)}"));
        }

        var frame = received[..expected];
        if (!Crc16.IsValid(frame))
        {
            return Fail(request, ModbusFailureKind.CrcError, Invariant(
                $"CRC 0x{Crc16.Carried(frame):X4} received, 0x{Crc16.Compute(frame[..^2]):X4} computed over {frame.Length - 2} bytes: {RtuFrame.Hex(frame)}"));
        }

        return Classify(request, frame);
    }

    private static ModbusResult<ushort[]> Classify(ModbusRequest request, ReadOnlySpan<byte> frame)
    {
        if (frame[0] != request.Unit)
        {
            return Fail(request, ModbusFailureKind.WrongAddress, Invariant($"reply from unit {frame[0]}, expected unit {request.Unit}"));
        }

        var function = frame[1];
        var requested = (byte)request.Function;
        if (function == (requested | ModbusLimits.ExceptionFlag))
        {
            if (frame.Length != ModbusLimits.ExceptionReplyLength)
            {
                return Fail(request, ModbusFailureKind.Malformed, Invariant($"exception reply of {frame.Length} bytes, expected {ModbusLimits.ExceptionReplyLength}"));
            }

            var code = frame[2];
            return code == 0
                ? Fail(request, ModbusFailureKind.Malformed, "exception reply with code 0x00")
                : ModbusResult.Failed<ushort[]>(new ModbusFailure(ModbusFailureKind.ExceptionReply, request.Unit, request.Function,
                    Invariant($"unit refused the request with exception 0x{code:X2}"), (ModbusExceptionCode)code));
        }

        if (function != requested)
        {
            return Fail(request, ModbusFailureKind.WrongFunction, Invariant(
                $"function 0x{function:X2} in reply, expected 0x{requested:X2} or 0x{requested | ModbusLimits.ExceptionFlag:X2}"));
        }

        return request switch
        {
            ReadRegistersRequest read => DecodeRead(read, frame),
            WriteSingleRegisterRequest single => DecodeWriteSingle(single, frame),
            WriteMultipleRegistersRequest multiple => DecodeWriteMultiple(multiple, frame),
            _ => throw new ArgumentException($"unknown request type {request.GetType().Name}", nameof(request)),
        };
    }

    private static ModbusResult<ushort[]> DecodeRead(ReadRegistersRequest request, ReadOnlySpan<byte> frame)
    {
        var byteCount = frame[2];
        if (byteCount != 2 * request.Quantity)
        {
            return Fail(request, ModbusFailureKind.Malformed, Invariant($"byte count {byteCount}, expected {2 * request.Quantity} for {request.Quantity} registers"));
        }

        if (frame.Length != 5 + byteCount)
        {
            return Fail(request, ModbusFailureKind.Malformed, Invariant($"frame of {frame.Length} bytes, expected {5 + byteCount}"));
        }

        return ModbusResult.Ok(RtuFrame.Words(frame[3..], request.Quantity));
    }

    private static ModbusResult<ushort[]> DecodeWriteSingle(WriteSingleRegisterRequest request, ReadOnlySpan<byte> frame)
    {
        if (frame.Length != request.ExpectedReplyLength)
        {
            return Fail(request, ModbusFailureKind.Malformed, Invariant($"frame of {frame.Length} bytes, expected {request.ExpectedReplyLength}"));
        }

        var address = RtuFrame.Word(frame, 2);
        var value = RtuFrame.Word(frame, 4);
        return address == request.Address && value == request.Value
            ? Acknowledged
            : Fail(request, ModbusFailureKind.Malformed, Invariant(
                $"echo says register {address} = 0x{value:X4}, request was register {request.Address} = 0x{request.Value:X4}"));
    }

    private static ModbusResult<ushort[]> DecodeWriteMultiple(WriteMultipleRegistersRequest request, ReadOnlySpan<byte> frame)
    {
        if (frame.Length != request.ExpectedReplyLength)
        {
            return Fail(request, ModbusFailureKind.Malformed, Invariant($"frame of {frame.Length} bytes, expected {request.ExpectedReplyLength}"));
        }

        var start = RtuFrame.Word(frame, 2);
        var quantity = RtuFrame.Word(frame, 4);
        return start == request.StartAddress && quantity == request.Quantity
            ? Acknowledged
            : Fail(request, ModbusFailureKind.Malformed, Invariant(
                $"reply says {quantity} registers from {start}, request was {request.Quantity} from {request.StartAddress}"));
    }

    private static ModbusResult<ushort[]> Fail(ModbusRequest request, ModbusFailureKind kind, string detail) =>
        ModbusResult.Failed<ushort[]>(new ModbusFailure(kind, request.Unit, request.Function, detail));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
