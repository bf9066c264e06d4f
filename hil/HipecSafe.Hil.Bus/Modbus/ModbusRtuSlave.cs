using System.Globalization;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Transport;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Slave-side protocol engine for one unit address over an <see cref="IModbusRegisterBank"/> (the HIL board
/// emulators use it). <see cref="HandleFrame"/> answers one complete frame; <see cref="Receive"/> and
/// <see cref="LineSilent"/> take a raw byte stream and frame it first (see <see cref="RtuRequestFramer"/>).
/// Frames with a bad CRC or for another unit are ignored and counted; unsupported functions are answered with
/// exception 0x01, bad register ranges 0x02, bad quantities or values 0x03, a failing bank 0x04. Broadcast
/// (address 0) writes are executed without a reply. Time is passed in; there is no I/O here.
/// </summary>
public sealed class ModbusRtuSlave
{
    private readonly IModbusRegisterBank _bank;
    private readonly RtuRequestFramer _framer;
    private const int NoReply = 0;

    private readonly object _gate = new();

    // The reply being built, under _gate: every caller copies it out (or the link does, on write) before the next frame.
    private readonly byte[] _reply = new byte[ModbusLimits.MaxFrameLength];

    // Read request frames decoded lately and their decodings (under _gate), replaced round-robin; see DecodeRemembering.
    private readonly (byte[]? Frame, RequestDecoding? Decoding)[] _recentReads = new (byte[]?, RequestDecoding?)[4];
    private int _nextRecentRead;
    private long _framesReceived;
    private long _requestsAnswered;
    private long _exceptionRepliesSent;
    private long _broadcastsExecuted;
    private long _framesForOtherUnits;
    private long _crcErrors;
    private long _malformedFrames;
    private string? _lastProblem;

    public ModbusRtuSlave(byte unitAddress, IModbusRegisterBank bank, ModbusSlaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        if (!ModbusLimits.IsUnitAddress(unitAddress))
        {
            throw new ArgumentOutOfRangeException(nameof(unitAddress), unitAddress,
                $"a slave's unit address must be {ModbusLimits.MinUnitAddress}..{ModbusLimits.MaxUnitAddress}");
        }

        UnitAddress = unitAddress;
        _bank = bank;
        Options = options ?? new ModbusSlaveOptions();
        _framer = new RtuRequestFramer(Options.Timing.InterFrameSilence);
    }

    public byte UnitAddress { get; }

    public ModbusSlaveOptions Options { get; }

    /// <summary>True while bytes of an unfinished frame are buffered (a server loop then watches for silence).</summary>
    public bool HasPartialFrame
    {
        get
        {
            lock (_gate)
            {
                return _framer.HasPartialFrame;
            }
        }
    }

    public ModbusSlaveStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new ModbusSlaveStatistics(_framesReceived, _requestsAnswered, _exceptionRepliesSent, _broadcastsExecuted,
                    _framesForOtherUnits, _crcErrors, _malformedFrames, _framer.BytesDiscarded, _lastProblem);
            }
        }
    }

    /// <summary>
    /// Answers one complete frame: the reply to send, or null when nothing must be sent (bad CRC, malformed,
    /// another unit, broadcast).
    /// </summary>
    public byte[]? HandleFrame(ReadOnlySpan<byte> frame)
    {
        lock (_gate)
        {
            var length = HandleFrameLocked(frame);
            return length > 0 ? _reply.AsSpan(0, length).ToArray() : null;
        }
    }

    /// <summary>Feeds bytes that arrived at <paramref name="arrivedAt"/>; returns the replies to send, in order.</summary>
    public IReadOnlyList<byte[]> Receive(ReadOnlySpan<byte> bytes, TimeSpan arrivedAt)
    {
        lock (_gate)
        {
            var replies = new List<byte[]>();
            _framer.Push(bytes, arrivedAt, CollectReplies(replies));
            return replies;
        }
    }

    /// <summary>Tells the engine the line has been quiet until <paramref name="now"/>; returns any replies that completes.</summary>
    public IReadOnlyList<byte[]> LineSilent(TimeSpan now)
    {
        lock (_gate)
        {
            var replies = new List<byte[]>();
            _framer.Silence(now, CollectReplies(replies));
            return replies;
        }
    }

    /// <summary>
    /// Virtual-time link: serve requests arriving at <paramref name="endpoint"/> synchronously, replying on it.
    /// For a real-time link or port use <see cref="ModbusSlaveRunner"/>.
    /// </summary>
    public void ServeSynchronously(InMemorySerialEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // Every byte on the bus reaches every slave: the replies of one delivery are gathered back to back in one
        // reused buffer (the link copies what is written), rather than allocating per frame or per delivery.
        var replyBytes = new List<byte>(ModbusLimits.MaxFrameLength);
        var replyLengths = new List<int>();
        RtuRequestFramer.FrameSink answer = frame =>
        {
            var length = HandleFrameLocked(frame);
            if (length > 0)
            {
                replyBytes.AddRange(_reply.AsSpan(0, length));
                replyLengths.Add(length);
            }
        };
        endpoint.AttachReceiver((bytes, arrivedAt) =>
        {
            lock (_gate)
            {
                replyBytes.Clear();
                replyLengths.Clear();
                _framer.Push(bytes, arrivedAt, answer);
            }

            // Written outside the slave's lock, as before. The virtual-time link does not call a receiver again while
            // one is running (it queues the write and delivers it once this returns), so the buffer stays as it is here.
            var pending = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(replyBytes);
            var offset = 0;
            foreach (var length in replyLengths)
            {
                endpoint.Write(pending.Slice(offset, length));
                offset += length;
            }
        });
    }

    // Frames are answered as the framer finds them (answering does not change how the rest is framed), each reply
    // copied out of the reused buffer for the caller to keep.
    private RtuRequestFramer.FrameSink CollectReplies(List<byte[]> replies) => frame =>
    {
        var length = HandleFrameLocked(frame);
        if (length > 0)
        {
            replies.Add(_reply.AsSpan(0, length).ToArray());
        }
    };

    /// <summary>Handles one frame; returns the length of the reply now in <see cref="_reply"/>, 0 when nothing must be sent.</summary>
    private int HandleFrameLocked(ReadOnlySpan<byte> frame)
    {
        _framesReceived++;
        if (frame.Length >= ModbusLimits.MinFrameLength && frame[0] != UnitAddress && frame[0] != ModbusLimits.BroadcastAddress
            && Crc16.IsValid(frame))
        {
            // Another unit's intact frame (every request on a shared bus reaches every slave): whatever the decoder
            // would make of it, the answer is "not ours". Counted as below, without decoding it.
            _framesForOtherUnits++;
            return NoReply;
        }

        var decoded = DecodeRemembering(frame);
        switch (decoded.Outcome)
        {
            case RequestDecodeOutcome.CrcError:
                _crcErrors++;
                return Ignore(decoded.Detail);
            case RequestDecodeOutcome.Malformed:
                if (decoded.Unit != UnitAddress && decoded.Unit != ModbusLimits.BroadcastAddress && frame.Length >= ModbusLimits.MinFrameLength)
                {
                    _framesForOtherUnits++; // e.g. another unit's reply seen on a shared bus
                    return NoReply;
                }

                _malformedFrames++;
                return Ignore(decoded.Detail);
        }

        if (decoded.Unit != UnitAddress && decoded.Unit != ModbusLimits.BroadcastAddress)
        {
            _framesForOtherUnits++;
            return NoReply;
        }

        var broadcast = decoded.Unit == ModbusLimits.BroadcastAddress;
        if (decoded.Outcome == RequestDecodeOutcome.Refused)
        {
            return broadcast ? Ignore(decoded.Detail) : Refuse(decoded.FunctionCode, decoded.Exception!.Value, decoded.Detail);
        }

        var request = decoded.Request!;
        if (broadcast)
        {
            if (request is ReadRegistersRequest)
            {
                _malformedFrames++;
                return Ignore("a broadcast read cannot be answered");
            }

            Execute(request, out _);
            _broadcastsExecuted++;
            return NoReply;
        }

        var code = Execute(request, out var replyLength);
        if (code is { } refused)
        {
            return Refuse((byte)request.Function, refused, string.Create(CultureInfo.InvariantCulture, $"register bank refused {request}"));
        }

        _requestsAnswered++;
        return replyLength;
    }

    /// <summary>
    /// <see cref="ModbusRequestDecoder.Decode"/>, a pure function of the frame's bytes, with its last few accepted
    /// reads remembered: a master polls with the same read requests every cycle, so they are decoded (and allocated)
    /// once instead of every time. The decodings are immutable, so handing one out again changes nothing.
    /// </summary>
    private RequestDecoding DecodeRemembering(ReadOnlySpan<byte> frame)
    {
        foreach (var (known, decoding) in _recentReads)
        {
            if (known is not null && frame.SequenceEqual(known))
            {
                return decoding!;
            }
        }

        var decoded = ModbusRequestDecoder.Decode(frame);
        if (decoded.Request is ReadRegistersRequest)
        {
            _recentReads[_nextRecentRead] = (frame.ToArray(), decoded);
            _nextRecentRead = (_nextRecentRead + 1) % _recentReads.Length;
        }

        return decoded;
    }

    /// <summary>Runs the request on the bank; on success the normal reply is in <see cref="_reply"/>, <paramref name="replyLength"/> bytes.</summary>
    private ModbusExceptionCode? Execute(ModbusRequest request, out int replyLength)
    {
        replyLength = NoReply;
        try
        {
            switch (request)
            {
                case ReadRegistersRequest read:
                {
                    // At most 125 registers (the decoder refuses more): on the stack, not an array per read.
                    Span<ushort> values = stackalloc ushort[ModbusLimits.MaxReadQuantity];
                    values = values[..read.Quantity];
                    var code = read.Function == ModbusFunctionCode.ReadHoldingRegisters
                        ? _bank.ReadHoldingRegisters(read.StartAddress, values)
                        : _bank.ReadInputRegisters(read.StartAddress, values);
                    replyLength = code is null ? ModbusReplies.WriteReadRegisters(_reply, UnitAddress, read.Function, values) : NoReply;
                    return code;
                }

                case WriteSingleRegisterRequest single:
                {
                    var code = _bank.WriteHoldingRegisters(single.Address, [single.Value]);
                    replyLength = code is null ? ModbusReplies.WriteWriteSingleRegister(_reply, UnitAddress, single.Address, single.Value) : NoReply;
                    return code;
                }

                case WriteMultipleRegistersRequest multiple:
                {
                    var code = _bank.WriteHoldingRegisters(multiple.StartAddress, multiple.ValueSpan);
                    replyLength = code is null ? ModbusReplies.WriteWriteMultipleRegisters(_reply, UnitAddress, multiple.StartAddress, multiple.Quantity) : NoReply;
                    return code;
                }

                default:
                    return ModbusExceptionCode.IllegalFunction;
            }
        }
#pragma warning disable CA1031 // a failing bank (emulator bug) must not kill the bus thread: answer 0x04 and record why
        catch (Exception e)
#pragma warning restore CA1031
        {
            _lastProblem = $"register bank threw {e.GetType().Name}: {e.Message}";
            return ModbusExceptionCode.ServerDeviceFailure;
        }
    }

    private int Refuse(byte functionCode, ModbusExceptionCode code, string detail)
    {
        _exceptionRepliesSent++;
        if (code != ModbusExceptionCode.ServerDeviceFailure)
        {
            _lastProblem = detail; // for 0x04 the bank's own failure was recorded where it threw
        }

        return ModbusReplies.WriteException(_reply, UnitAddress, functionCode, code);
    }

    private int Ignore(string detail)
    {
        _lastProblem = detail;
        return NoReply;
    }
}
