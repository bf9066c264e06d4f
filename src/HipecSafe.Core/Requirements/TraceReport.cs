namespace HipecSafe.Core.Requirements;

/// <summary>The result of the trace check: counts for the summary line and every orphan found.</summary>
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

    public string Summary =>
        $"requirements: {Requirements}; design links: {Links} ({TracedLinks} traced); test references: {TestReferences}; " +
        $"requirements verified by test: {RequirementsVerifiedByTest}/{RequirementsNeedingTest}; orphans: {Orphans.Count}";
}
