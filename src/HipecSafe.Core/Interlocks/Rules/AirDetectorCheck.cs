namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// What <see cref="AirDetectorCheckRule"/> remembers: whether the priming purge has been long enough to expect the
/// detector to have seen the line's air, and whether it reported air during priming. Four values, kept as instances.
/// </summary>
/// <param name="PurgeDone">The pump has run <see cref="InterlockTimings.AirDetectorPurgeTime"/> in Priming.</param>
/// <param name="AirSeen">The detector reported air (a physical reading, not a flagged channel) during Priming.</param>
public sealed record AirDetectorCheck(bool PurgeDone, bool AirSeen) : RuleMemory
{
    private static readonly AirDetectorCheck[] All = [new(false, false), new(false, true), new(true, false), new(true, true)];

    /// <summary>Before priming: nothing expected, nothing seen.</summary>
    public static AirDetectorCheck None => All[0];

    public static AirDetectorCheck Of(bool purgeDone, bool airSeen) => All[(purgeDone ? 2 : 0) + (airSeen ? 1 : 0)];
}
