namespace HipecSafe.Core.Decisions;

/// <summary>
/// One rule of the safety gate, as data: when it applies (a predicate over <see cref="GateFacts"/>), what it does,
/// what it says, and the requirement and hazard it answers to. The gate applies the rules in their order; the trace,
/// the diagrams and a model generator read the same definitions.
/// </summary>
public sealed record GateRule(
    string Id,
    string Description,
    string RequirementId,
    string HazardId,
    GateAction Action,
    Func<GateFacts, bool> Applies)
{
    public override string ToString() => $"{Id} ({RequirementId}, {HazardId}): {Description}";
}
