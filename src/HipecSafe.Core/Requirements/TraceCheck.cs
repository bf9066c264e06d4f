using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Requirement ↔ design item ↔ test consistency (SRS-TR-001, SRS-TR-003). Pure: the caller gathers the catalog,
/// the links and the test references, and says which evidence documents exist.
/// </summary>
public static class TraceCheck
{
    public static TraceReport Run(
        RequirementCatalog catalog,
        IEnumerable<TraceLink> links,
        IEnumerable<TestReference> tests,
        Func<string, bool> evidenceExists)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(evidenceExists);
        var orphans = new List<string>(catalog.Problems);
        var linkList = links.ToList();
        var testList = tests.ToList();

        foreach (var link in linkList)
        {
            if (link.RequirementId is null)
            {
                orphans.Add($"{link.Kind} {link.Item} has no requirement");
            }
            else if (!catalog.Contains(link.RequirementId))
            {
                orphans.Add($"{link.Kind} {link.Item} references undefined requirement {link.RequirementId}");
            }
        }

        foreach (var test in testList.Where(t => !catalog.Contains(t.RequirementId)))
        {
            orphans.Add($"test {test.TestName} ({test.File}:{test.Line}) references undefined requirement {test.RequirementId}");
        }

        var byRequirement = testList.Where(t => catalog.Contains(t.RequirementId))
            .GroupBy(t => t.RequirementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TestReference>)g.ToList(), StringComparer.Ordinal);
        var knownHazards = Hazards.All.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
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

        return new TraceReport(
            catalog.All.Count,
            linkList.Count,
            linkList.Count(l => l.RequirementId is not null && catalog.Contains(l.RequirementId)),
            testList.Count,
            byRequirement.Count(kv => catalog.Find(kv.Key)?.Verification == VerificationMethod.Test),
            needingTest,
            orphans,
            byRequirement);
    }
}
