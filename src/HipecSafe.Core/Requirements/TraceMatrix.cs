using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Requirements;

/// <summary>One requirement with everything traced to it.</summary>
public sealed record RequirementTraceRow(
    Requirement Requirement,
    IReadOnlyList<TraceLink> DesignItems,
    IReadOnlyList<TestReference> Tests,
    IReadOnlyList<string> Scenarios);

/// <summary>One hazard with its requirements, the risk controls (interlock rules) that name it, tests and scenarios.</summary>
public sealed record HazardTraceRow(
    Hazard Hazard,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<TraceLink> Controls,
    int Tests,
    IReadOnlyList<string> Scenarios);

/// <summary>The traceability matrix: requirement ↔ design item ↔ hazard ↔ test ↔ scenario, in both directions.</summary>
public sealed record TraceMatrix(IReadOnlyList<RequirementTraceRow> Requirements, IReadOnlyList<HazardTraceRow> Hazards, int ScenarioCount)
{
    public static TraceMatrix Empty { get; } = new([], [], 0);
}
