using System.Globalization;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Modbus RTU client for one serial bus. One request is outstanding at a time (calls from several threads queue
/// on the bus lock). An attempt (docs/icd.md §3): wait until the line has been quiet for t3.5 (reading and counting
/// any stray bytes), send the request, then wait for a frame whose header matches it (unit, function or its exception
/// form, a read's byte count), discarding frames that do not, and check it. A lost or corrupt reply is retried
/// (<see cref="ModbusMasterOptions.Retries"/>, once by default); an exception reply is not.
/// Bus errors come back as typed failures, never as exceptions, and every failed attempt is counted per unit.
/// Deadlines run on the transport's clock, so the same code works on a real port and on a virtual-time link.
/// </summary>
public sealed class ModbusRtuMaster
{
    private readonly ISerialTransport _transport;
    private readonly object _bus = new();
    private readonly Dictionary<byte, SlaveCounters> _units = [];
    private readonly byte[] _buffer = new byte[ModbusLimits.MaxFrameLength];
    private readonly byte[] _spill = new byte[64];
    private long? _lastLineActivity;
    private long _strayBytes;

    public ModbusRtuMaster(ISerialTransport transport, ModbusMasterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Options = options ?? new ModbusMasterOptions();
        Options.Validate();
        _transport = transport;
    }

    public ModbusMasterOptions Options { get; }

    public string BusName => _transport.Name;

    /// <summary>Bytes that were not a reply to the request outstanding (late replies, foreign frames, noise) and were thrown away, before a request or while waiting.</summary>
    public long StrayBytesDiscarded => Interlocked.Read(ref _strayBytes);

    /// <summary>FC 0x03.</summary>
    public ModbusResult<ushort[]> ReadHoldingRegisters(byte unit, ushort startAddress, ushort quantity) =>
        Execute(new ReadRegistersRequest(CheckUnit(unit), ModbusFunctionCode.ReadHoldingRegisters, startAddress, quantity));

    /// <summary>FC 0x04.</summary>
    public ModbusResult<ushort[]> ReadInputRegisters(byte unit, ushort startAddress, ushort quantity) =>
        Execute(new ReadRegistersRequest(CheckUnit(unit), ModbusFunctionCode.ReadInputRegisters, startAddress, quantity));

    /// <summary>FC 0x06.</summary>
    public ModbusResult WriteSingleRegister(byte unit, ushort address, ushort value) =>
        Execute(new WriteSingleRegisterRequest(CheckUnit(unit), address, value));

    /// <summary>FC 0x10.</summary>
    public ModbusResult WriteMultipleRegisters(byte unit, ushort startAddress, ReadOnlySpan<ushort> values) =>
        Execute(new WriteMultipleRegistersRequest(CheckUnit(unit), startAddress, values));

    /// <summary>Runs one transaction (with the configured retries). Success carries the registers read (empty for writes).</summary>
    public ModbusResult<ushort[]> Execute(ModbusRequest request) => Execute<ushort[]>(request, AcceptRegisters);

    /// <summary>
    /// Runs one transaction and interprets the registers of a valid reply; content the interpreter rejects is a
    /// <see cref="ModbusFailureKind.Malformed"/> failure, counted and retried like any other.
    /// </summary>
    public ModbusResult<T> Execute<T>(ModbusRequest request, ReplyInterpreter<T> interpret)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(interpret);
        CheckUnit(request.Unit);
        lock (_bus)
        {
            var counters = CountersOf(request.Unit);
            counters.TransactionStarted();
            ModbusResult<T> result;
            for (var attempt = 0; ; attempt++)
            {
                counters.AttemptStarted(isRetry: attempt > 0);
                result = Interpret(request, Attempt(request), interpret);
                if (result.IsSuccess)
                {
                    break;
                }

                counters.AttemptFailed(result.Failure);
                // A refusal is the unit's considered answer; asking again would get the same one.
                if (result.Failure.Kind == ModbusFailureKind.ExceptionReply || attempt >= Options.Retries)
                {
                    break;
                }
            }

            counters.TransactionEnded(result);
            return result;
        }
    }

    /// <summary>Snapshot of what the master has seen of <paramref name="unit"/> (all zero before the first transaction).</summary>
    public SlaveStatistics StatisticsOf(byte unit)
    {
        lock (_bus)
        {
            return _units.TryGetValue(unit, out var counters) ? counters.Snapshot() : SlaveStatistics.Empty(unit);
        }
    }

    /// <summary>
    /// Failed transactions in a row with <paramref name="unit"/> (0 before the first): what the bus-fault interlock
    /// needs every cycle, without the cost of a whole <see cref="StatisticsOf"/> snapshot.
    /// </summary>
    public int ConsecutiveFailuresOf(byte unit)
    {
        lock (_bus)
        {
            return _units.TryGetValue(unit, out var counters) ? counters.ConsecutiveFailures : 0;
        }
    }

    /// <summary>Snapshots of every unit addressed so far, by address.</summary>
    public IReadOnlyList<SlaveStatistics> AllStatistics()
    {
        lock (_bus)
        {
            return [.. _units.OrderBy(u => u.Key).Select(u => u.Value.Snapshot())];
        }
    }

    private ModbusResult<ushort[]> Attempt(ModbusRequest request)
    {
        var frame = request.Frame;
        try
        {
            // Also before a retry: the rest of a corrupted frame or a late reply must not be read as the retry's answer.
            WaitForQuietLine();
            _transport.Write(frame);
            var sentAt = _transport.Clock.GetTimestamp();
            _lastLineActivity = sentAt;
            var budget = Options.ResponseTimeout + Options.Timing.WireTime(frame.Length + request.ExpectedReplyLength);
            return AwaitReply(request, sentAt, budget);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            // The port itself failed (closed, unplugged, write blocked): a failure of this transaction, not a crash.
            return ModbusResult.Failed<ushort[]>(new ModbusFailure(ModbusFailureKind.TransportError, request.Unit, request.Function,
                $"transport '{_transport.Name}' failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// Reads until the reply to <paramref name="request"/> is complete or <paramref name="budget"/> is spent. Modbus RTU
    /// has no transaction id, so a reply is recognised by its header (unit, function or its exception form, a read's
    /// byte count). Bytes that cannot start it — another unit's or function's frame, a late reply to an earlier
    /// request, noise — are read to the end of their frame (t3.5 of silence) and dropped, and the wait goes on within
    /// the same budget. Once a header matches, the frame is read by its length without looking at gaps, so a host
    /// that delivers a reply in pieces does not lose it; a bad CRC then fails the attempt.
    /// </summary>
    private ModbusResult<ushort[]> AwaitReply(ModbusRequest request, long sentAt, TimeSpan budget)
    {
        var clock = _transport.Clock;
        var silence = Options.Timing.InterFrameSilence;
        var received = 0;
        var discarding = false;
        var lastByteAt = sentAt;
        ModbusFailure? foreign = null;
        while (true)
        {
            var remaining = budget - clock.GetElapsedTime(sentAt);
            if (discarding)
            {
                var quietFor = clock.GetElapsedTime(lastByteAt);
                if (quietFor >= silence || remaining <= TimeSpan.Zero)
                {
                    foreign ??= ModbusReplyDecoder.ForeignFrameFailure(request, _buffer.AsSpan(0, received));
                    received = 0;
                    discarding = false;
                    if (remaining <= TimeSpan.Zero)
                    {
                        break;
                    }

                    continue;
                }

                // Past one frame's worth the bytes are only counted: the buffer keeps the start for the failure's detail.
                var room = _buffer.Length - received;
                var into = room > 0 ? _buffer.AsSpan(received, room) : _spill.AsSpan();
                var count = _transport.Read(into, Min(silence - quietFor, remaining));
                if (count > 0)
                {
                    received += room > 0 ? count : 0;
                    lastByteAt = clock.GetTimestamp();
                    _lastLineActivity = lastByteAt;
                    Interlocked.Add(ref _strayBytes, count);
                }

                continue;
            }

            var matched = ModbusReplyDecoder.MatchedLength(request, _buffer.AsSpan(0, received));
            if (matched == ModbusReplyDecoder.NotThisReply)
            {
                discarding = true;
                Interlocked.Add(ref _strayBytes, received);
                continue;
            }

            var target = matched > 0 ? matched : ModbusReplyDecoder.HeaderLength(request);
            if (matched > 0 && received >= target)
            {
                return ModbusReplyDecoder.Decode(request, _buffer.AsSpan(0, received));
            }

            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var read = _transport.Read(_buffer.AsSpan(received, target - received), remaining);
            if (read > 0)
            {
                received += read;
                lastByteAt = clock.GetTimestamp();
                _lastLineActivity = lastByteAt;
            }
        }

        if (received > 0)
        {
            return ModbusReplyDecoder.Decode(request, _buffer.AsSpan(0, received)); // the reply began but was cut short
        }

        var waited = string.Create(CultureInfo.InvariantCulture,
            $"no reply within {budget.TotalMilliseconds:0.###} ms (response timeout {Options.ResponseTimeout.TotalMilliseconds:0.###} ms + wire time) on '{_transport.Name}'");
        return ModbusResult.Failed<ushort[]>(foreign is null
            ? new ModbusFailure(ModbusFailureKind.Timeout, request.Unit, request.Function, waited)
            : foreign with { Detail = $"{waited}; discarded what came instead: {foreign.Detail}" });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Waits until the line has been silent for t3.5, discarding whatever arrives meanwhile (a late reply to an
    /// earlier request, noise). A line that never goes quiet must not stall the bus: after one response timeout
    /// of continuous bytes the input is flushed and the request goes out anyway (its reply will then likely fail
    /// and be counted).
    /// </summary>
    private void WaitForQuietLine()
    {
        var clock = _transport.Clock;
        var silence = Options.Timing.InterFrameSilence;
        var started = clock.GetTimestamp();
        while (true)
        {
            var quietFor = _lastLineActivity is { } last ? clock.GetElapsedTime(last) : silence;
            var wait = quietFor >= silence ? TimeSpan.Zero : silence - quietFor;
            var count = _transport.Read(_buffer, wait);
            if (count == 0)
            {
                return;
            }

            Interlocked.Add(ref _strayBytes, count);
            _lastLineActivity = clock.GetTimestamp();
            if (clock.GetElapsedTime(started) > Options.ResponseTimeout)
            {
                _transport.DiscardInBuffer();
                return;
            }
        }
    }

    private static ModbusResult<T> Interpret<T>(ModbusRequest request, ModbusResult<ushort[]> reply, ReplyInterpreter<T> interpret)
    {
        if (!reply.IsSuccess)
        {
            return ModbusResult.Failed<T>(reply.Failure);
        }

        if (!interpret(reply.Value, out var value, out var error))
        {
            return ModbusResult.Failed<T>(new ModbusFailure(ModbusFailureKind.Malformed, request.Unit, request.Function, error));
        }

        // An interpreter that passes the registers through (plain reads, writes) would get an identical result
        // wrapped again: hand back the reply itself, as results are immutable.
        return reply is ModbusResult<T> same && ReferenceEquals(value, reply.Value) ? same : ModbusResult.Ok(value);
    }

    private static bool AcceptRegisters(ushort[] registers, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ushort[] value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        value = registers;
        error = null;
        return true;
    }

    private SlaveCounters CountersOf(byte unit)
    {
        if (!_units.TryGetValue(unit, out var counters))
        {
            counters = new SlaveCounters(unit);
            _units[unit] = counters;
        }

        return counters;
    }

    private static byte CheckUnit(byte unit) => ModbusLimits.IsUnitAddress(unit)
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit,
            $"the master addresses units {ModbusLimits.MinUnitAddress}..{ModbusLimits.MaxUnitAddress} (no broadcast)");
}
