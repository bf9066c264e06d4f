namespace HipecSafe.Hil.Bus.Transport;

/// <summary>
/// Decides what the far end actually receives for one write (one frame, as masters and slaves write whole frames):
/// the bytes unchanged, corrupted, split, delayed, or nothing at all (an empty list drops them). This is how the HIL
/// rig injects bus faults (crc_errors, delay, loss); garbage is added with <see cref="InMemorySerialLink.Inject"/>.
/// Bytes on one direction never overtake each other: a delivery is never due before an earlier one.
/// </summary>
public delegate IReadOnlyList<LinkDelivery> LinkFaultHook(LinkDirection direction, ReadOnlySpan<byte> written);
