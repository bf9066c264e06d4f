namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// One sensor sample together with the verdict on each channel. Rules and control read values from
/// <see cref="Frame"/> only after asking here whether the channel may be believed.
/// </summary>
public sealed class ValidatedFrame
{
    private const ChannelFaults NotAMeasurement = ChannelFaults.BoardFlagged | ChannelFaults.OutOfRange | ChannelFaults.NoSample;
    private const ChannelFaults SignalFaults = ChannelFaults.BoardFlagged | ChannelFaults.OutOfRange | ChannelFaults.RateOfChange;

    private readonly ChannelFaults[] _faults;
    private readonly string[] _details;

    /// <param name="at">Procedure time of the validation.</param>
    /// <param name="frame">The sample, or null when the read failed.</param>
    /// <param name="faults">Faults per channel, indexed by <see cref="SensorChannel"/>.</param>
    /// <param name="details">Human-readable reason per channel ("" when valid), indexed like <paramref name="faults"/>.</param>
    /// <param name="sinceCounterAdvanced">How long the board's sample counter has not changed.</param>
    /// <param name="isStale">Whether that is longer than the stale limit.</param>
    public ValidatedFrame(
        TimeSpan at,
        SensorFrame? frame,
        IReadOnlyList<ChannelFaults> faults,
        IReadOnlyList<string> details,
        TimeSpan sinceCounterAdvanced,
        bool isStale)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(details);
        var count = ChannelValue.All.Count;
        if (faults.Count != count || details.Count != count)
        {
            throw new ArgumentException(
                $"need one fault entry and one detail per sensor channel ({count}); got {faults.Count} faults and {details.Count} details",
                nameof(faults));
        }

        At = at;
        Frame = frame;
        _faults = [.. faults];
        _details = [.. details];
        SinceCounterAdvanced = sinceCounterAdvanced;
        IsStale = isStale;
    }

    /// <summary>
    /// The validator's own: takes the arrays it has just filled, or its shared all-valid ones (one entry per channel),
    /// without copying them. A ValidatedFrame never writes them.
    /// </summary>
    internal ValidatedFrame(TimeSpan at, SensorFrame? frame, ChannelFaults[] faults, string[] details, TimeSpan sinceCounterAdvanced, bool isStale, bool owned)
    {
        System.Diagnostics.Debug.Assert(owned && faults.Length == ChannelValue.All.Count && details.Length == faults.Length, "one entry per channel");
        At = at;
        Frame = frame;
        _faults = faults;
        _details = details;
        SinceCounterAdvanced = sinceCounterAdvanced;
        IsStale = isStale;
    }

    public TimeSpan At { get; }

    public SensorFrame? Frame { get; }

    public TimeSpan SinceCounterAdvanced { get; }

    public bool IsStale { get; }

    public ChannelFaults FaultsOf(SensorChannel channel) => _faults[Index(channel, _faults.Length)];

    /// <summary>Why the channel is not valid, e.g. "75.00 °C outside 0–60 °C"; empty when it is valid.</summary>
    public string DetailOf(SensorChannel channel) => _details[Index(channel, _details.Length)];

    /// <summary>Current, in range, not flagged, not jumping: fit for control.</summary>
    public bool IsValid(SensorChannel channel) => FaultsOf(channel) == ChannelFaults.None;

    /// <summary>
    /// The value is a physically possible reading of the quantity — perhaps old (stale) or moving suspiciously fast,
    /// but not a broken probe. Protective rules believe such a reading when it points to danger.
    /// </summary>
    public bool IsMeasurement(SensorChannel channel) => (FaultsOf(channel) & NotAMeasurement) == 0;

    /// <summary>The channel's own signal is bad (board flag, range or rate). Staleness is the board's, not the channel's.</summary>
    public bool HasSignalFault(SensorChannel channel) => (FaultsOf(channel) & SignalFaults) != 0;

    public int ValidAbdominalProbeCount =>
        Enumerable.Range(0, SensorFrame.AbdominalProbeCount).Count(i => IsValid(SensorFrame.AbdomenChannel(i)));

    public IEnumerable<SensorChannel> ChannelsWithFaults => ChannelValue.All.Where(c => !IsValid(c));

    // The arrays hold exactly one entry per channel (checked at construction), so their length is the channel count.
    private static int Index(SensorChannel channel, int channelCount) =>
        (int)channel is >= 0 and var i && i < channelCount
            ? i
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor board channel");
}
