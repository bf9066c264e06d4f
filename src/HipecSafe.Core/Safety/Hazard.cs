namespace HipecSafe.Core.Safety;

/// <summary>One hazard from the hazard analysis (safety/hazard-analysis.md); its ID is cited by requirements and rules.</summary>
public sealed record Hazard(string Id, string Title, string Harm);
