namespace HipecSafe.Hil.Bus.Transport;

/// <summary>
/// Called with bytes as they arrive at an endpoint of a virtual-time link, stamped with their arrival time on the
/// link's clock. Lets a slave engine answer synchronously inside the master's transaction (lockstep, no threads).
/// </summary>
public delegate void LinkReceiver(ReadOnlySpan<byte> bytes, TimeSpan arrivedAt);
