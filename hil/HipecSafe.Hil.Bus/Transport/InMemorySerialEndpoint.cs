using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.Bus.Transport;

/// <summary>One end of an <see cref="InMemorySerialLink"/>.</summary>
public sealed class InMemorySerialEndpoint : ISerialTransport
{
    private readonly InMemorySerialLink _link;
    private volatile LinkReceiver[] _receivers = [];
    private volatile bool _disposed;

    internal InMemorySerialEndpoint(InMemorySerialLink link, LinkDirection incoming, LinkDirection outgoing, string name)
    {
        _link = link;
        Incoming = incoming;
        Outgoing = outgoing;
        Name = name;
    }

    public string Name { get; }

    public TimeProvider Clock => _link.Clock;

    public InMemorySerialLink Link => _link;

    internal LinkDirection Incoming { get; }

    internal LinkDirection Outgoing { get; }

    internal bool IsDisposed => _disposed;

    internal LinkReceiver[] Receivers => _receivers;

    public void Write(ReadOnlySpan<byte> data) => _link.Write(this, data);

    public int Read(Span<byte> buffer, TimeSpan timeout) => _link.Read(this, buffer, timeout);

    public void DiscardInBuffer() => _link.Discard(this);

    /// <summary>
    /// Virtual time only: every byte arriving here is handed to <paramref name="receiver"/> instead of waiting to be
    /// read. Several receivers may share an end, like slaves sharing a bus.
    /// </summary>
    public void AttachReceiver(LinkReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _link.RequireVirtualTime("AttachReceiver");
        _receivers = [.. _receivers, receiver]; // copy on write: delivery may be iterating the old array

        _link.Pump();
    }

    public void Dispose()
    {
        _disposed = true;
        _link.Closed();
    }
}
