using HipecSafe.Core.Requirements;

namespace HipecSafe.Core.Decisions;

/// <summary>Trace links (gate rule → requirement, gate rule → hazard) for <c>hipecsafe trace --check</c>.</summary>
public static class GateTrace
{
    public static IEnumerable<TraceLink> Links(IEnumerable<GateRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Select(r => new TraceLink("gate rule", r.Id, r.RequirementId, r.HazardId));
    }
}
