using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Requirement ↔ design item ↔ hazard ↔ test ↔ scenario consistency (SRS-TR-001, SRS-TR-003, SRS-TR-004). Pure:
/// the caller gathers the catalog, the links, the test references and the scenario side, and says which evidence
/// documents exist. Without a scenario side only the requirement ↔ design ↔ test part is checked.
/// </summary>
public static class TraceCheck
{
    public static TraceReport Run(
        RequirementCatalog catalog,
        IEnumerable<TraceLink> links,
        IEnumerable<TestReference> tests,
        Func<string, bool> evidenceExists,
        ScenarioTrace? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(evidenceExists);
        var orphans = new List<string>(catalog.Problems);
        var linkList = links.ToList();
        var testList = tests.ToList();
        var knownHazards = Hazards.All.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var link in linkList)
        {
            if (link.RequirementId is null)
            {
                orphans.Add($"{link.Kind} {link.Item} has no requirement");
            }
            else if (catalog.Find(link.RequirementId) is not { } requirement)
            {
                orphans.Add($"{link.Kind} {link.Item} references undefined requirement {link.RequirementId}");
            }
            else if (link.HazardId is { } hazard && knownHazards.Contains(hazard) && !requirement.Hazards.Contains(hazard, StringComparer.Ordinal))
            {
                // A risk control must be traceable from its hazard through its requirement (ISO 14971 cl. 7.1).
                orphans.Add($"{link.Kind} {link.Item} controls {hazard}, but its requirement {link.RequirementId} does not name that hazard");
            }

            if (link.HazardId is { } h && !knownHazards.Contains(h))
            {
                orphans.Add($"{link.Kind} {link.Item} controls unknown hazard {h}");
            }
        }

        foreach (var test in testList.Where(t => !catalog.Contains(t.RequirementId)))
        {
            orphans.Add($"test {test.TestName} ({test.File}:{test.Line}) references undefined requirement {test.RequirementId}");
        }

        var byRequirement = testList.Where(t => catalog.Contains(t.RequirementId))
            .GroupBy(t => t.RequirementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TestReference>)g.ToList(), StringComparer.Ordinal);
        var needingTest = 0;
        foreach (var r in catalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (r.Verification == VerificationMethod.Test)
            {
                needingTest++;
                if (!byRequirement.ContainsKey(r.Id))
                {
                    orphans.Add($"requirement {r.Id} ({r.File}) is verified by test, but no test carries [Verifies(\"{r.Id}\")]");
                }
            }
            else if (r.Evidence is { } evidence && !evidenceExists(evidence))
            {
                orphans.Add($"requirement {r.Id} names evidence '{evidence}', which does not exist");
            }

            foreach (var hazard in r.Hazards.Where(h => !knownHazards.Contains(h)))
            {
                orphans.Add($"requirement {r.Id} references unknown hazard {hazard}");
            }
        }

        if (scenarios is not null)
        {
            orphans.AddRange(ScenarioOrphans(catalog, scenarios, knownHazards));
            orphans.AddRange(PhaseCoverage.Orphans(scenarios));
        }

        var matrix = BuildMatrix(catalog, linkList, byRequirement, scenarios);
        if (scenarios is not null)
        {
            foreach (var row in matrix.Hazards)
            {
                if (row.Requirements.Count == 0)
                {
                    orphans.Add($"hazard {row.Hazard.Id} ({row.Hazard.Title}) is named by no requirement");
                }

                if (row.Scenarios.Count == 0)
                {
                    orphans.Add($"hazard {row.Hazard.Id} ({row.Hazard.Title}) is verified by no scenario in {ScenarioTraceFile.RelativePath}");
                }
            }
        }

        return new TraceReport(
            catalog.All.Count,
            linkList.Count,
            linkList.Count(l => l.RequirementId is not null && catalog.Contains(l.RequirementId)),
            testList.Count,
            byRequirement.Count(kv => catalog.Find(kv.Key)?.Verification == VerificationMethod.Test),
            needingTest,
            orphans,
            byRequirement)
        {
            Matrix = matrix,
        };
    }

    private static IEnumerable<string> ScenarioOrphans(RequirementCatalog catalog, ScenarioTrace scenarios, HashSet<string> knownHazards)
    {
        foreach (var problem in scenarios.Problems)
        {
            yield return problem;
        }

        var traced = scenarios.Links.Select(l => l.Scenario).ToHashSet(StringComparer.Ordinal);
        foreach (var file in scenarios.ScenarioFiles.Where(f => !traced.Contains(f)).Order(StringComparer.Ordinal))
        {
            yield return $"scenario {file} (hil/scenarios/{file}.yaml) is not in {ScenarioTraceFile.RelativePath}";
        }

        var files = scenarios.ScenarioFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var link in scenarios.Links)
        {
            if (!files.Contains(link.Scenario))
            {
                yield return $"{ScenarioTraceFile.RelativePath} names scenario {link.Scenario}, which is not in hil/scenarios";
            }

            foreach (var hazard in link.Hazards.Where(h => !knownHazards.Contains(h)))
            {
                yield return $"scenario {link.Scenario} references unknown hazard {hazard}";
            }

            foreach (var requirement in link.Requirements.Where(r => !catalog.Contains(r)))
            {
                yield return $"scenario {link.Scenario} references undefined requirement {requirement}";
            }
        }
    }

    private static TraceMatrix BuildMatrix(
        RequirementCatalog catalog,
        List<TraceLink> links,
        Dictionary<string, IReadOnlyList<TestReference>> tests,
        ScenarioTrace? scenarios)
    {
        var scenarioLinks = scenarios?.Links ?? [];
        var rows = catalog.All.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new RequirementTraceRow(
            r,
            links.Where(l => l.RequirementId == r.Id).ToList(),
            tests.GetValueOrDefault(r.Id) ?? [],
            scenarioLinks.Where(s => s.Requirements.Contains(r.Id, StringComparer.Ordinal)).Select(s => s.Scenario).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        if (scenarios is null)
        {
            return new TraceMatrix(rows, [], 0);
        }

        var hazards = Hazards.All.Select(h =>
        {
            var requirements = catalog.All.Where(r => r.Hazards.Contains(h.Id, StringComparer.Ordinal)).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            return new HazardTraceRow(
                h,
                requirements,
                links.Where(l => l.HazardId == h.Id).ToList(),
                requirements.Sum(id => tests.GetValueOrDefault(id)?.Count ?? 0),
                scenarioLinks.Where(s => s.Hazards.Contains(h.Id, StringComparer.Ordinal)).Select(s => s.Scenario).Order(StringComparer.Ordinal).ToList());
        }).ToList();
        return new TraceMatrix(rows, hazards, scenarioLinks.Count);
    }
}
