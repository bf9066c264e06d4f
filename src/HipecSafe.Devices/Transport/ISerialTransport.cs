namespace HipecSafe.Devices.Transport;

/// <summary>
/// A byte stream to one serial bus. Frames are assembled above this layer: a read returns whatever bytes are there
/// (at least one), like a serial port does. Implementations: <see cref="SerialPortTransport"/> (real port, real
/// time) and <see cref="InMemorySerialEndpoint"/> (tests, HIL rig; real or virtual time).
/// </summary>
public interface ISerialTransport : IDisposable
{
    /// <summary>Names the bus in diagnostics (port path, or the in-memory link's name).</summary>
    string Name { get; }

    /// <summary>
    /// The time base that <see cref="Read"/> timeouts run on: the system clock for a real port, the link's
    /// <see cref="VirtualBusClock"/> for a virtual-time in-memory link. Protocol code measures deadlines with it.
    /// </summary>
    TimeProvider Clock { get; }

    /// <summary>Sends <paramref name="data"/>; returns once the bytes are handed to the line.</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>
    /// Copies up to <c>buffer.Length</c> received bytes into <paramref name="buffer"/>, waiting at most
    /// <paramref name="timeout"/> for the first one. Returns the count, or 0 when the timeout passed with nothing
    /// received. <see cref="TimeSpan.Zero"/> only takes what is already there.
    /// </summary>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Drops every received byte not yet read.</summary>
    void DiscardInBuffer();
}
