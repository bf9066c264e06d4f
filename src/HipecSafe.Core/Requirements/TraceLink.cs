namespace HipecSafe.Core.Requirements;

/// <summary>
/// A design item that claims a requirement: a phase transition, an interlock rule...
/// <paramref name="RequirementId"/> is null when the item carries none (an orphan); <paramref name="HazardId"/> is the
/// hazard the item controls, when it is a risk control measure (interlock rules are).
/// </summary>
public sealed record TraceLink(string Kind, string Item, string? RequirementId, string? HazardId = null);
