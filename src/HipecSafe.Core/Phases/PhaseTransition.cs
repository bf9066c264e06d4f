namespace HipecSafe.Core.Phases;

/// <summary>One transition taken by the phase machine, with the requirement that allows it (the trace record).</summary>
public sealed record PhaseTransition(TimeSpan At, Phase From, Phase To, PhaseTrigger Trigger, string RequirementId, string? Detail)
{
    public bool IsInternal => From == To;
}
