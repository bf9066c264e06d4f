using HipecSafe.Core.Phases;

namespace HipecSafe.Core.HazardLog;

/// <summary>The procedure moved from one phase to another; names what fired it and the requirement that allows it.</summary>
public sealed record PhaseTransitionEntry(Phase From, Phase To, string Trigger, string RequirementId) : HazardLogEntry
{
    public Phase From { get; } = EntryText.Defined(From, nameof(From));
    public Phase To { get; } = EntryText.Defined(To, nameof(To));
    public string Trigger { get; } = EntryText.Required(Trigger, nameof(Trigger));
    public string RequirementId { get; } = EntryText.Required(RequirementId, nameof(RequirementId));

    public override HazardLogKind Kind => HazardLogKind.PhaseTransition;
}
