using System.Diagnostics;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// A serial transport with a cable that can be cut: while <see cref="Severed"/>, nothing the master sends reaches
/// the slaves and nothing they answer goes out, as with a broken bus. The port keeps being read and the bytes are
/// dropped, so nothing piles up in the pty and no stale request is served once the cable is restored.
/// </summary>
public sealed class SeverableTransport(ISerialTransport inner) : ISerialTransport
{
    private volatile bool _severed;

    public bool Severed
    {
        get => _severed;
        set => _severed = value;
    }

    public string Name => inner.Name;

    public TimeProvider Clock => inner.Clock;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (!_severed)
        {
            inner.Write(data);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            var count = inner.Read(buffer, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (!_severed || buffer.IsEmpty)
            {
                return count;
            }

            // Cut: swallow what arrived and keep waiting out the caller's timeout, as a silent line would.
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return 0;
            }
        }
    }

    public void DiscardInBuffer() => inner.DiscardInBuffer();

    public void Dispose() => inner.Dispose();
}
