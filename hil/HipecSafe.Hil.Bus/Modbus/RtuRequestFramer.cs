using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Slave-side framing of a received byte stream into candidate request frames.
/// <list type="number">
/// <item>By length: a frame that starts with a supported function code is complete at its known length (8 bytes, or
/// 9 + byte count for FC 0x10) and is emitted at once if its CRC holds. An unsupported function code is complete
/// at the first length whose CRC holds.</item>
/// <item>Resync by CRC: when the buffer does not start with a good frame (noise, a corrupted frame, another unit's
/// reply), a complete request with a valid CRC at the end of the buffer is recovered and the bytes before it are
/// discarded, so noise glued to a request without a gap does not cost the request.</item>
/// <item>Resync by silence: after t3.5 without bytes the buffer is handed over whole (the slave counts it as a
/// CRC error or a foreign frame) and cleared. A clean, still-incomplete request is kept instead: on a non-real-time
/// host a frame can arrive in pieces with a gap. But it is only kept on probation: from then on every byte is checked
/// as if the buffer were dirty, so if it was really cut off (or noise corrupted the length its header claims), rule 2
/// drops it as soon as the next request is complete, instead of swallowing requests until the claimed length is
/// reached.</item>
/// </list>
/// </summary>
internal sealed class RtuRequestFramer(TimeSpan silence)
{
    /// <summary>
    /// Receives each complete candidate frame as it is found. The span points into the framer's buffer and is valid
    /// only during the call: the framer clears the buffer right after, so a frame costs no copy.
    /// </summary>
    public delegate void FrameSink(ReadOnlySpan<byte> frame);

    private const int FixedRequestLength = 8;
    private readonly List<byte> _buffer = new(ModbusLimits.MaxFrameLength + 1);
    private TimeSpan? _lastArrival;

    // Length of the clean request being received, once its header has told it (0: not known). Until the buffer
    // reaches it, another byte can neither complete, dirty nor overflow the frame, so it needs no check.
    private int _cleanLength;

    // The buffer was kept over t3.5 of silence as a clean incomplete request: not trusted to be one frame any more.
    private bool _keptOverSilence;

    public long BytesDiscarded { get; private set; }

    public bool HasPartialFrame => _buffer.Count > 0;

    /// <summary>Adds bytes that arrived at <paramref name="arrivedAt"/>; complete candidate frames go to <paramref name="frames"/>.</summary>
    public void Push(ReadOnlySpan<byte> bytes, TimeSpan arrivedAt, List<byte[]> frames) => Push(bytes, arrivedAt, Collect(frames));

    /// <summary>The line has been quiet until <paramref name="now"/>: a frame in progress for t3.5 or more is over.</summary>
    public void Silence(TimeSpan now, List<byte[]> frames) => Silence(now, Collect(frames));

    /// <summary>Adds bytes that arrived at <paramref name="arrivedAt"/>; complete candidate frames go to <paramref name="frames"/>, in order.</summary>
    public void Push(ReadOnlySpan<byte> bytes, TimeSpan arrivedAt, FrameSink frames)
    {
        if (_lastArrival is { } last && arrivedAt - last >= silence)
        {
            FlushOnSilence(frames);
        }

        foreach (var b in bytes)
        {
            _buffer.Add(b);
            if (_buffer.Count < _cleanLength)
            {
                continue;
            }

            TryComplete(frames);
        }

        if (!bytes.IsEmpty)
        {
            _lastArrival = arrivedAt;
        }
    }

    /// <summary>The line has been quiet until <paramref name="now"/>: a frame in progress for t3.5 or more is over.</summary>
    public void Silence(TimeSpan now, FrameSink frames)
    {
        if (_lastArrival is { } last && now - last >= silence)
        {
            FlushOnSilence(frames);
        }
    }

    private static FrameSink Collect(List<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return frame => frames.Add(frame.ToArray());
    }

    private void FlushOnSilence(FrameSink frames)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        if (IsCleanIncompleteRequest())
        {
            _keptOverSilence = true;
            _cleanLength = 0;
            return;
        }

        frames(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer));
        Clear();
    }

    private void TryComplete(FrameSink frames)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer);
        var count = span.Length;
        var length = ModbusRequestDecoder.RequestLength(span);
        var plausibleStart = span[0] <= ModbusLimits.MaxUnitAddress;
        _cleanLength = !_keptOverSilence && plausibleStart && length > count && length <= ModbusLimits.MaxFrameLength ? length : 0;

        if (plausibleStart && count == length && Crc16.IsValid(span))
        {
            Emit(frames, 0);
            return;
        }

        if (plausibleStart && length == ModbusRequestDecoder.UnknownLength && count >= ModbusLimits.MinFrameLength && Crc16.IsValid(span))
        {
            Emit(frames, 0); // an unsupported function: the slave answers 0x01
            return;
        }

        // count == length here means the frame is complete but its CRC failed: it is not a good frame either, so a
        // request at its tail is recovered (rule 2) rather than waiting for bytes that may never come.
        var dirty = _keptOverSilence || !plausibleStart || length == ModbusRequestDecoder.UnknownLength
            || (length > 0 && (count >= length || length > ModbusLimits.MaxFrameLength));
        if (dirty && TryRecoverTail(span, frames))
        {
            return;
        }

        if (count > ModbusLimits.MaxFrameLength)
        {
            // No frame is this long: drop the oldest bytes and keep looking.
            var excess = count - ModbusLimits.MaxFrameLength;
            _buffer.RemoveRange(0, excess);
            _cleanLength = 0;
            BytesDiscarded += excess;
        }
    }

    /// <summary>Finds a complete, CRC-valid request of a supported function that ends at the last byte received.</summary>
    private bool TryRecoverTail(ReadOnlySpan<byte> span, FrameSink frames)
    {
        var count = span.Length;
        var start = count - FixedRequestLength;
        if (start > 0 && IsFixedLengthFunction(span[start + 1]) && span[start] <= ModbusLimits.MaxUnitAddress && Crc16.IsValid(span[start..]))
        {
            Emit(frames, start);
            return true;
        }

        // FC 0x10: 9 + byte count bytes, byte count at offset 6.
        for (start = Math.Max(1, count - ModbusLimits.MaxFrameLength); start <= count - 9; start++)
        {
            if (span[start + 1] == (byte)ModbusFunctionCode.WriteMultipleRegisters
                && count - start == 9 + span[start + 6]
                && span[start] <= ModbusLimits.MaxUnitAddress
                && Crc16.IsValid(span[start..]))
            {
                Emit(frames, start);
                return true;
            }
        }

        return false;
    }

    private bool IsCleanIncompleteRequest()
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer);
        if (span[0] > ModbusLimits.MaxUnitAddress)
        {
            return false;
        }

        if (span.Length < 2)
        {
            return true;
        }

        var length = ModbusRequestDecoder.RequestLength(span);
        return length == ModbusRequestDecoder.NeedMoreBytes || (length > 0 && span.Length < length);
    }

    private void Emit(FrameSink frames, int start)
    {
        BytesDiscarded += start;
        frames(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer)[start..]);
        Clear();
    }

    private void Clear()
    {
        _buffer.Clear();
        _cleanLength = 0;
        _keptOverSilence = false;
    }

    private static bool IsFixedLengthFunction(byte function) => function is (byte)ModbusFunctionCode.ReadHoldingRegisters
        or (byte)ModbusFunctionCode.ReadInputRegisters or (byte)ModbusFunctionCode.WriteSingleRegister;
}
