using HipecSafe.Core.Requirements;

namespace HipecSafe.Core.Interlocks;

/// <summary>Trace links (rule → requirement, rule → hazard) for <c>hipecsafe trace --check</c>.</summary>
public static class InterlockTrace
{
    public static IEnumerable<TraceLink> Links(IEnumerable<InterlockRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Select(r => new TraceLink("interlock", r.Id, r.RequirementId, r.HazardId));
    }
}
