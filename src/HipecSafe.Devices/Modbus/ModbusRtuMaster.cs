using System.Globalization;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Modbus RTU client for one serial bus. One request is outstanding at a time (calls from several threads queue
/// on the bus lock). A transaction: wait until the line has been quiet for t3.5 (reading and counting any stray
/// bytes), send the request, read the reply header (address, function) to tell an exception reply (5 bytes) from a
/// normal one (the request's expected length), read the rest within the response timeout, then check it.
/// Bus errors come back as typed failures, never as exceptions, and every failure is counted per unit.
/// Deadlines run on the transport's clock, so the same code works on a real port and on a virtual-time link.
/// </summary>
public sealed class ModbusRtuMaster
{
    private readonly ISerialTransport _transport;
    private readonly object _bus = new();
    private readonly Dictionary<byte, SlaveCounters> _units = [];
    private readonly byte[] _buffer = new byte[ModbusLimits.MaxFrameLength];
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

    /// <summary>Bytes that arrived outside any reply (late replies, noise) and were thrown away before a request.</summary>
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
            var attempt = 0;
            while (true)
            {
                counters.AttemptStarted();
                result = Interpret(request, Attempt(request), interpret);
                if (result.IsSuccess)
                {
                    break;
                }

                counters.AttemptFailed(result.Failure);
                // A refusal is the unit's considered answer; asking again would get the same one.
                if (result.Failure.Kind == ModbusFailureKind.ExceptionReply || attempt++ >= Options.Retries)
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
            WaitForQuietLine();
            _transport.Write(frame);
            var clock = _transport.Clock;
            var sentAt = clock.GetTimestamp();
            _lastLineActivity = sentAt;

            var budget = Options.ResponseTimeout + Options.Timing.WireTime(frame.Length + request.ExpectedReplyLength);
            var received = 0;
            var target = 2; // header first: the function code tells an exception reply from a normal one
            while (received < target)
            {
                var remaining = budget - clock.GetElapsedTime(sentAt);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                var count = _transport.Read(_buffer.AsSpan(received, target - received), remaining);
                if (count == 0)
                {
                    continue;
                }

                received += count;
                _lastLineActivity = clock.GetTimestamp();
                if (target == 2 && received >= 2)
                {
                    target = ModbusReplyDecoder.ExpectedLength(request, _buffer[1]);
                }
            }

            return received == 0
                ? ModbusResult.Failed<ushort[]>(new ModbusFailure(ModbusFailureKind.Timeout, request.Unit, request.Function,
                    string.Create(CultureInfo.InvariantCulture,
                        $"no reply within {budget.TotalMilliseconds:0.###} ms (response timeout {Options.ResponseTimeout.TotalMilliseconds:0.###} ms + wire time) on '{_transport.Name}'")))
                : ModbusReplyDecoder.Decode(request, _buffer.AsSpan(0, received));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            // The port itself failed (closed, unplugged, write blocked): a failure of this transaction, not a crash.
            return ModbusResult.Failed<ushort[]>(new ModbusFailure(ModbusFailureKind.TransportError, request.Unit, request.Function,
                $"transport '{_transport.Name}' failed: {e.GetType().Name}: {e.Message}"));
        }
    }

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

        return interpret(reply.Value, out var value, out var error)
            ? ModbusResult.Ok(value)
            : ModbusResult.Failed<T>(new ModbusFailure(ModbusFailureKind.Malformed, request.Unit, request.Function, error));
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
