namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// What <see cref="AbdomenBelowBandRule"/> remembers: the phase entry it is judging (keyed by
/// <see cref="InterlockInput.PhaseStartedAt"/>) and whether the abdomen has reached the band since that entry.
/// </summary>
/// <param name="PhaseEntry">The entry into chemo perfusion the arming belongs to; null before the first.</param>
/// <param name="ReachedBand">The median of the valid abdominal probes has reached band low in this entry.</param>
public sealed record AbdomenBelowBandArming(TimeSpan? PhaseEntry, bool ReachedBand) : RuleMemory
{
    /// <summary>Before the first chemo perfusion: no entry, not armed.</summary>
    public static AbdomenBelowBandArming NotEntered { get; } = new(null, false);
}
