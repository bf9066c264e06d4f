using System.Diagnostics;
using System.IO.Ports;

namespace HipecSafe.Devices.Transport;

/// <summary>
/// <see cref="ISerialTransport"/> over <see cref="SerialPort"/>, built around its Linux behaviour
/// (safety/soup.md, System.IO.Ports anomalies):
/// <list type="bullet">
/// <item>A dedicated reader thread blocks in <see cref="SerialPort.Read(byte[], int, int)"/> and fills a queue;
/// <c>DataReceived</c> is never used (it spins a CPU on Linux).</item>
/// <item>Timeouts are kept by this class on the queue, because the port rounds timeouts below 30 ms up to 30 ms.
/// The port's own read timeout only lets the reader thread notice shutdown.</item>
/// <item>A port read returns as soon as one byte is there; callers assemble frames by length.</item>
/// <item>Parity errors are not reported by the port: the Modbus CRC is what catches corruption.</item>
/// <item>The port is opened in the constructor, so a missing device or a refused open fails at start-up with a
/// message that names the port.</item>
/// </list>
/// </summary>
public sealed class SerialPortTransport : ISerialTransport
{
    private static readonly TimeSpan ReaderPollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReaderJoinTimeout = TimeSpan.FromSeconds(2);

    private readonly SerialPort _port;
    private readonly Thread _reader;
    private readonly object _gate = new();
    private readonly Queue<byte> _received = new();
    private Exception? _readerFault;
    private bool _readerStopped;
    private volatile bool _closing;

    public SerialPortTransport(SerialPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _port = new SerialPort(options.PortName, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = Handshake.None,
            ReadTimeout = (int)ReaderPollTimeout.TotalMilliseconds,
            WriteTimeout = (int)Math.Ceiling(options.WriteTimeout.TotalMilliseconds),
            ReadBufferSize = 4096,
        };
        Open(_port, options);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "serial reader " + options.PortName };
        _reader.Start();
    }

    public SerialPortOptions Options { get; }

    public string Name => Options.PortName;

    public TimeProvider Clock => TimeProvider.System;

    /// <summary>Bytes received and queued for <see cref="Read"/>.</summary>
    public int BytesQueued
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_closing, this);
        var bytes = data.ToArray();
        _port.Write(bytes, 0, bytes.Length);
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a read timeout cannot be negative");
        }

        var started = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_closing, this);
                if (_received.Count > 0 || buffer.IsEmpty)
                {
                    var count = Math.Min(buffer.Length, _received.Count);
                    for (var i = 0; i < count; i++)
                    {
                        buffer[i] = _received.Dequeue();
                    }

                    return count;
                }

                if (_readerStopped)
                {
                    throw new IOException($"serial port '{Name}' stopped delivering data: {_readerFault?.Message ?? "reader ended"}", _readerFault);
                }

                var remaining = timeout - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return 0;
                }

                Monitor.Wait(_gate, (int)Math.Clamp(Math.Ceiling(remaining.TotalMilliseconds), 1, int.MaxValue));
            }
        }
    }

    public void DiscardInBuffer()
    {
        ObjectDisposedException.ThrowIf(_closing, this);
        lock (_gate)
        {
            _port.DiscardInBuffer();
            _received.Clear();
        }
    }

    public void Dispose()
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        _port.Close(); // makes a blocked port read fail, so the reader ends promptly
        _reader.Join(ReaderJoinTimeout);
        _port.Dispose();
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private static void Open(SerialPort port, SerialPortOptions options)
    {
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            // On Linux a missing device surfaces as "access denied": say what is really wrong.
            var reason = !OperatingSystem.IsWindows() && !File.Exists(options.PortName)
                ? "the device does not exist"
                : e is UnauthorizedAccessException
                    ? "access denied (is the port in use, or is the user missing from the 'dialout' group?)"
                    : e.Message;
            throw new SerialPortOpenException($"cannot open serial port '{options.PortName}' ({options}): {reason}", e);
        }
    }

    private void ReadLoop()
    {
        var chunk = new byte[256];
        try
        {
            while (!_closing)
            {
                int count;
                try
                {
                    count = _port.Read(chunk, 0, chunk.Length);
                }
                catch (TimeoutException)
                {
                    continue;
                }

                lock (_gate)
                {
                    for (var i = 0; i < count; i++)
                    {
                        _received.Enqueue(chunk[i]);
                    }

                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or OperationCanceledException)
        {
            if (!_closing)
            {
                _readerFault = e; // unplugged or closed under us: later reads report it
            }
        }
        finally
        {
            lock (_gate)
            {
                _readerStopped = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
