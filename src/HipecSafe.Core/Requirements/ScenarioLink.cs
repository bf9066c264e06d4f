namespace HipecSafe.Core.Requirements;

/// <summary>
/// One committed fault-injection scenario as the trace sees it: the hazards it verifies the control of, the
/// requirements it exercises and the phases its fault starts in (from safety/scenario-trace.yaml; the scenario format
/// itself has no room for them).
/// </summary>
public sealed record ScenarioLink(string Scenario, IReadOnlyList<string> Hazards, IReadOnlyList<string> Requirements, int Entry)
{
    public IReadOnlyList<string> Phases { get; init; } = [];
}
