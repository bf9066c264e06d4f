using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// For one hazard, the phases it can occur in (each needs a committed scenario whose fault starts there), the phases
/// it cannot occur in with the reason, and the applicable phases left open with the open item that says why no
/// scenario verifies them (safety/hazard-phases.yaml, the hazard × phase table of the hazard analysis).
/// </summary>
public sealed record HazardPhases(
    string Hazard,
    IReadOnlyList<Phase> Applicable,
    IReadOnlyDictionary<Phase, string> Excluded,
    IReadOnlyDictionary<Phase, string> Open);
