using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// The scenario side of the trace: the scenario files that exist (names without .yaml), the links read from
/// safety/scenario-trace.yaml and the problems met reading it.
/// </summary>
public sealed record ScenarioTrace(IReadOnlyCollection<string> ScenarioFiles, IReadOnlyList<ScenarioLink> Links, IReadOnlyList<string> Problems)
{
    /// <summary>The hazard × phase table (safety/hazard-phases.yaml); null = the phase coverage is not checked.</summary>
    public IReadOnlyList<HazardPhases>? HazardPhases { get; init; }

    /// <summary>
    /// Per scenario file, the phases its faults' triggers name (<c>at: { phase, … }</c>), read from the file itself, so
    /// a phase declared in the trace file is checked against where the fault really starts. A scenario missing here
    /// could not be read; its declared phases are not confirmed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Phase>>? FaultPhases { get; init; }
}
