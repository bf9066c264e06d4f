namespace HipecSafe.Core.Sensors.Validation;

/// <summary>Why a channel's value is not a trustworthy, current measurement. A channel can have several at once.</summary>
[Flags]
public enum ChannelFaults
{
    None = 0,

    /// <summary>The sensor board set the channel's bit in <c>channel_fault_bits</c> (open, short, out of range).</summary>
    BoardFlagged = 1 << 0,

    /// <summary>The value lies outside what the quantity can physically be (see <see cref="PlausibleRange"/>).</summary>
    OutOfRange = 1 << 1,

    /// <summary>The value moved faster than the fluid can (temperature channels only).</summary>
    RateOfChange = 1 << 2,

    /// <summary>The board's sample counter has not advanced for longer than the stale limit: the value is old.</summary>
    Stale = 1 << 3,

    /// <summary>No sample at all: the read failed this cycle, or none has ever succeeded.</summary>
    NoSample = 1 << 4,
}
