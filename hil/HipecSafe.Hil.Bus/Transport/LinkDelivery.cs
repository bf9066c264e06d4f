namespace HipecSafe.Hil.Bus.Transport;

/// <summary>Bytes that reach the far end of an <see cref="InMemorySerialLink"/>, <paramref name="Delay"/> after they were written.</summary>
public readonly record struct LinkDelivery(byte[] Bytes, TimeSpan Delay)
{
    public static LinkDelivery Now(byte[] bytes) => new(bytes, TimeSpan.Zero);
}
