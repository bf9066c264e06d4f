using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Hazard × phase coverage (SRS-TR-006): every phase a hazard can occur in (safety/hazard-phases.yaml) needs a
/// committed scenario that verifies the hazard with its fault starting in that phase. A phase declared in
/// safety/scenario-trace.yaml counts only when the scenario's own fault trigger names it, so the declaration cannot
/// drift from the file. Pairs left open with their open item are not orphans; they are counted in <see cref="OpenPairs"/>.
/// </summary>
public static class PhaseCoverage
{
    public static IEnumerable<string> Orphans(ScenarioTrace scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.HazardPhases is not { } table)
        {
            yield break;
        }

        var covered = new HashSet<(string Hazard, Phase Phase)>();
        var byHazard = table.ToDictionary(t => t.Hazard, StringComparer.Ordinal);
        foreach (var link in scenarios.Links)
        {
            if (link.Hazards.Count > 0 && link.Phases.Count == 0)
            {
                yield return $"scenario {link.Scenario} verifies {string.Join(", ", link.Hazards)} but declares no phase in {ScenarioTraceFile.RelativePath}";
            }

            var triggered = scenarios.FaultPhases?.GetValueOrDefault(link.Scenario);
            foreach (var name in link.Phases)
            {
                if (!Enum.TryParse<Phase>(name, ignoreCase: false, out var phase) || !Enum.IsDefined(phase) || int.TryParse(name, out _))
                {
                    yield return $"scenario {link.Scenario} declares unknown phase '{name}'";
                    continue;
                }

                if (triggered is null)
                {
                    yield return $"scenario {link.Scenario} declares {phase}, but its file could not be read to confirm that a fault starts there";
                    continue;
                }

                if (!triggered.Contains(phase))
                {
                    var named = triggered.Count == 0 ? "no phase (its faults are timed from the start or absent)" : string.Join(", ", triggered);
                    yield return $"scenario {link.Scenario} declares {phase}, but its fault triggers name {named}";
                    continue;
                }

                foreach (var hazard in link.Hazards)
                {
                    if (byHazard.TryGetValue(hazard, out var row) && row.Excluded.TryGetValue(phase, out var reason))
                    {
                        yield return $"scenario {link.Scenario} verifies {hazard} in {phase}, which {HazardPhasesFile.RelativePath} excludes ({reason})";
                    }

                    covered.Add((hazard, phase));
                }
            }
        }

        foreach (var row in table)
        {
            foreach (var phase in row.Applicable.Where(p => !covered.Contains((row.Hazard, p))))
            {
                yield return $"hazard {row.Hazard} can occur in {phase} ({HazardPhasesFile.RelativePath}) but no committed scenario verifies it with a fault starting there";
            }
        }
    }

    /// <summary>Applicable (hazard, phase) pairs listed as open items: no committed scenario is claimed for them.</summary>
    public static int OpenPairs(ScenarioTrace scenarios) => scenarios?.HazardPhases?.Sum(h => h.Open.Count) ?? 0;

    /// <summary>Applicable (hazard, phase) pairs that need a scenario.</summary>
    public static int ApplicablePairs(ScenarioTrace scenarios) => scenarios?.HazardPhases?.Sum(h => h.Applicable.Count) ?? 0;
}
