namespace HipecSafe.Core.Requirements;

/// <summary>
/// A design item that claims a requirement: a phase transition, an interlock rule, a scenario...
/// <paramref name="RequirementId"/> is null when the item carries none (an orphan).
/// </summary>
public sealed record TraceLink(string Kind, string Item, string? RequirementId);
