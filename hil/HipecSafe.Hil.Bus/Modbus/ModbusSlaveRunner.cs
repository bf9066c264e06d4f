using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Serves one or more <see cref="ModbusRtuSlave"/>s (units sharing a bus) on an <see cref="ISerialTransport"/>
/// from a dedicated thread until stopped: every received byte goes to every slave, every reply goes back out, and
/// a read timeout of t3.5 tells the slaves the line went silent. For a real port or a real-time in-memory link;
/// a virtual-time link uses <see cref="ModbusRtuSlave.ServeSynchronously"/> instead.
/// </summary>
public sealed class ModbusSlaveRunner : IDisposable
{
    // With nothing buffered, silence does not matter: wake up now and then only to notice a stop request.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(2);

    private readonly ISerialTransport _transport;
    private readonly ModbusRtuSlave[] _slaves;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly TimeSpan _silence;
    private Exception? _fault;

    public ModbusSlaveRunner(ISerialTransport transport, params IEnumerable<ModbusRtuSlave> slaves)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(slaves);
        _transport = transport;
        _slaves = [.. slaves];
        if (_slaves.Length == 0)
        {
            throw new ArgumentException("a runner needs at least one slave", nameof(slaves));
        }

        if (_slaves.Select(s => s.UnitAddress).Distinct().Count() != _slaves.Length)
        {
            throw new ArgumentException("two slaves on one bus share a unit address", nameof(slaves));
        }

        _silence = _slaves.Min(s => s.Options.Timing.InterFrameSilence);
        _thread = new Thread(Serve) { IsBackground = true, Name = "modbus slave " + transport.Name };
    }

    /// <summary>Why the loop ended early (the transport failed), or null.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    public bool IsRunning => _thread.IsAlive;

    /// <summary>Waits for the serving thread to end (after a transport failure or <see cref="Dispose"/>).</summary>
    public bool WaitForExit(TimeSpan timeout) => !_thread.IsAlive || _thread.Join(timeout);

    public ModbusSlaveRunner Start()
    {
        _thread.Start();
        return this;
    }

    /// <summary>Stops the loop and waits for the thread to end. The transport stays open (the caller owns it).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive)
        {
            _thread.Join(JoinTimeout);
        }

        _stop.Dispose();
    }

    private void Serve()
    {
        var clock = _transport.Clock;
        var origin = clock.GetTimestamp();
        var buffer = new byte[ModbusLimits.MaxFrameLength];
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var waiting = _slaves.Any(s => s.HasPartialFrame);
                var count = _transport.Read(buffer, waiting ? _silence : IdlePoll);
                var now = clock.GetElapsedTime(origin);
                foreach (var slave in _slaves)
                {
                    var replies = count > 0 ? slave.Receive(buffer.AsSpan(0, count), now) : slave.LineSilent(now);
                    foreach (var reply in replies)
                    {
                        _transport.Write(reply);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            if (!token.IsCancellationRequested)
            {
                Volatile.Write(ref _fault, e); // ObjectDisposedException included: the transport was closed under us
            }
        }
    }
}
