using System.Globalization;
using System.Text;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// What <see cref="SensorValidator"/> remembers between samples: when it was last called, the board's last sample
/// counter and when that last advanced, and per channel the rate check's accepted reference and its current verdict.
/// Immutable; <see cref="SensorValidator.Validate"/> returns the next one. Start from <see cref="SensorValidator.Initial"/>.
/// </summary>
public sealed record SensorValidatorState
{
    /// <summary>Only temperatures are rate-checked, and they are the first channels (InflowA..Core): one reference each.</summary>
    internal const int RateCheckedChannels = (int)SensorChannel.Core + 1;

    internal static readonly SensorValidatorState Initial = new(
        null, null, TimeSpan.Zero, new AcceptedReading?[RateCheckedChannels], new string?[ChannelValue.All.Count]);

    // Indexed by SensorChannel (_accepted: temperatures only); never written once the state exists (the validator
    // copies before changing them). _accepted is copied for every fresh sample, so it holds nothing else.
    private readonly AcceptedReading?[] _accepted;
    private readonly string?[] _rateFaults;

    internal SensorValidatorState(TimeSpan? lastNow, ushort? lastCounter, TimeSpan lastAdvance, AcceptedReading?[] accepted, string?[] rateFaults)
    {
        LastNow = lastNow;
        LastCounter = lastCounter;
        LastAdvance = lastAdvance;
        _accepted = accepted;
        _rateFaults = rateFaults;
    }

    /// <summary>Procedure time of the last validation; null before the first.</summary>
    public TimeSpan? LastNow { get; }

    /// <summary>The board's sample counter in the last sample that arrived; null before the first.</summary>
    public ushort? LastCounter { get; }

    /// <summary>When the counter last advanced (the first call counts as an advance).</summary>
    public TimeSpan LastAdvance { get; }

    internal AcceptedReading?[] Accepted => _accepted;

    internal string?[] RateFaults => _rateFaults;

    /// <summary>The rate check's reference on <paramref name="channel"/>; null until a reading was accepted there.</summary>
    public AcceptedReading? AcceptedOf(SensorChannel channel) => Index(channel) is var i && i < _accepted.Length ? _accepted[i] : null;

    /// <summary>Why the latest fresh reading of <paramref name="channel"/> failed the rate check; null when it passed.</summary>
    public string? RateFaultOf(SensorChannel channel) => _rateFaults[Index(channel)];

    // Records compare arrays by reference; two states are equal when they remember the same things.
    public bool Equals(SensorValidatorState? other) =>
        ReferenceEquals(this, other)
        || (other is not null
        && LastNow == other.LastNow
        && LastCounter == other.LastCounter
        && LastAdvance == other.LastAdvance
        && _accepted.AsSpan().SequenceEqual(other._accepted)
        && _rateFaults.AsSpan().SequenceEqual(other._rateFaults, StringComparer.Ordinal));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(LastNow);
        hash.Add(LastCounter);
        hash.Add(LastAdvance);
        foreach (var accepted in _accepted)
        {
            hash.Add(accepted);
        }

        foreach (var fault in _rateFaults)
        {
            hash.Add(fault, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"LastNow = {LastNow}, LastCounter = {LastCounter}, LastAdvance = {LastAdvance}, ");
        builder.Append("Accepted = [")
            .AppendJoin(", ", _accepted.Select(a => a is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.Value} at {r.At}") : "-"))
            .Append("], ");
        builder.Append("RateFaults = [").AppendJoin(", ", _rateFaults.Select(f => f ?? "-")).Append(']');
        return true;
    }

    private static int Index(SensorChannel channel) =>
        (int)channel is >= 0 and var i && i < ChannelValue.All.Count
            ? i
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor board channel");
}
