namespace HipecSafe.Core.Requirements;

/// <summary>The result of the trace check: counts for the summary line, every orphan found, and the matrix.</summary>
public sealed record TraceReport(
    int Requirements,
    int Links,
    int TracedLinks,
    int TestReferences,
    int RequirementsVerifiedByTest,
    int RequirementsNeedingTest,
    IReadOnlyList<string> Orphans,
    IReadOnlyDictionary<string, IReadOnlyList<TestReference>> TestsByRequirement)
{
    public bool Passed => Orphans.Count == 0;

    /// <summary>Requirement and hazard rows; empty hazard rows when the check ran without the scenario side.</summary>
    public TraceMatrix Matrix { get; init; } = TraceMatrix.Empty;

    public string Summary
    {
        get
        {
            var summary = $"requirements: {Requirements}; design links: {Links} ({TracedLinks} traced); test references: {TestReferences}; " +
                $"requirements verified by test: {RequirementsVerifiedByTest}/{RequirementsNeedingTest}; orphans: {Orphans.Count}";
            if (Matrix.Hazards.Count == 0)
            {
                return summary;
            }

            var covered = Matrix.Hazards.Count(h => h.Requirements.Count > 0 && h.Scenarios.Count > 0);
            return summary + $"; hazards with requirement and scenario: {covered}/{Matrix.Hazards.Count}; scenarios traced: {Matrix.ScenarioCount}";
        }
    }
}
