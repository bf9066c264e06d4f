using System.Globalization;

namespace HipecSafe.Hil.Scenarios;

/// <summary>A fault of the RS-485 line between the controller and both boards (scenario target <c>bus</c>).</summary>
public abstract record BusFault
{
    private protected BusFault()
    {
    }

    public abstract string Kind { get; }
}

/// <summary><c>crc_errors {rate}</c>: this fraction of frames (either direction) arrives with one byte corrupted.</summary>
public sealed record BusCrcErrors(double Rate) : BusFault
{
    public override string Kind => "crc_errors";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"crc_errors rate {Rate}");
}

/// <summary><c>delay {ms}</c>: every frame arrives this much later than it was sent (both directions).</summary>
public sealed record BusDelay(TimeSpan Delay) : BusFault
{
    public override string Kind => "delay";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"delay {Delay.TotalMilliseconds} ms");
}

/// <summary><c>loss</c>: nothing written on the line arrives (no replies at all).</summary>
public sealed record BusLoss : BusFault
{
    public override string Kind => "loss";

    public override string ToString() => "loss";
}

/// <summary><c>garbage {bytes_per_s}</c>: random bytes on the line at this rate, heard by both ends.</summary>
public sealed record BusGarbage(double BytesPerSecond) : BusFault
{
    public override string Kind => "garbage";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"garbage {BytesPerSecond} B/s");
}
