namespace HipecSafe.Devices.Transport;

/// <summary>
/// A byte stream to one serial bus. Frames are assembled above this layer: a read returns whatever bytes are there
/// (at least one), like a serial port does. The device uses <see cref="SerialPortTransport"/> (real port, real
/// time); the HIL rig and the tests bring their own in-memory line (real or virtual time).
/// </summary>
public interface ISerialTransport : IDisposable
{
    /// <summary>Names the bus in diagnostics (port path, or the in-memory link's name).</summary>
    string Name { get; }

    /// <summary>
    /// The time base that <see cref="Read"/> timeouts run on: the system clock for a real port, a clock that moves
    /// only when told for a virtual-time line in the rig. Protocol code measures deadlines with it.
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
