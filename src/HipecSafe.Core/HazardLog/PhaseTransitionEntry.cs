using HipecSafe.Core.Phases;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The procedure moved from one phase to another: what fired it, the requirement that allows it and, when the machine
/// gave one, a detail. The trigger is kept as its name so old logs stay readable if triggers are renamed.
/// </summary>
public sealed record PhaseTransitionEntry(Phase From, Phase To, string Trigger, string RequirementId, string? Detail = null) : HazardLogEntry
{
    public Phase From { get; } = EntryText.Defined(From, nameof(From));
    public Phase To { get; } = EntryText.Defined(To, nameof(To));
    public string Trigger { get; } = EntryText.Required(Trigger, nameof(Trigger));
    public string RequirementId { get; } = EntryText.Required(RequirementId, nameof(RequirementId));

    /// <summary>The log entry for a transition the phase machine took.</summary>
    public static PhaseTransitionEntry Of(PhaseTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new PhaseTransitionEntry(transition.From, transition.To, transition.Trigger.ToString(), transition.RequirementId, transition.Detail);
    }

    public override HazardLogKind Kind => HazardLogKind.PhaseTransition;
}
