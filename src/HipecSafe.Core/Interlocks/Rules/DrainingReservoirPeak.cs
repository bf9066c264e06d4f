namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// What <see cref="DrainingReservoirFallRule"/> remembers of the valid reservoir readings since Draining was first
/// entered, sampled once every <see cref="DrainingReservoirFallRule.SampleInterval"/>: the last sample, and the highest
/// level confirmed by two consecutive samples (the lower of the two), so one spurious high reading never becomes the
/// level the fall is judged from. A new value at most once a second, not every cycle.
/// </summary>
/// <param name="SampledAt">When the last sample was taken; null before the first.</param>
/// <param name="LastSample">The last sample (mL).</param>
/// <param name="Highest">The highest confirmed level (mL); null until two samples were taken.</param>
public sealed record DrainingReservoirPeak(TimeSpan? SampledAt, double LastSample, double? Highest) : RuleMemory
{
    /// <summary>Nothing sampled: before the first Draining cycle with a valid reading.</summary>
    public static DrainingReservoirPeak Empty { get; } = new(null, 0, null);

    /// <summary>With <paramref name="sample"/> taken at <paramref name="at"/>: the level it confirms with the last one may raise the highest.</summary>
    public DrainingReservoirPeak Sample(TimeSpan at, double sample)
    {
        if (SampledAt is null)
        {
            return new DrainingReservoirPeak(at, sample, null);
        }

        var confirmed = Math.Min(LastSample, sample);
        return new DrainingReservoirPeak(at, sample, Highest is { } highest ? Math.Max(highest, confirmed) : confirmed);
    }
}
