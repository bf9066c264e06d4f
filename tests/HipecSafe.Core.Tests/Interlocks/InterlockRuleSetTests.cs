using System.Runtime.CompilerServices;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Requirements;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>The rule list against its own invariants, requirements/interlocks.yaml and the README table.</summary>
public class InterlockRuleSetTests
{
    private static readonly IReadOnlyList<InterlockRule> Rules = InterlockRuleSet.Standard(Limits);

    [Fact]
    [Verifies("SRS-IL-045")]
    public void Every_rule_that_stops_the_pump_also_switches_the_heater_off()
    {
        Assert.All(Rules.Where(r => r.Response.HasFlag(InterlockResponse.PumpStop)),
            r => Assert.True(r.Response.HasFlag(InterlockResponse.HeaterOff), r.Id));
    }

    [Fact]
    [Verifies("SRS-IL-045")]
    public void A_rule_declared_to_stop_the_pump_with_the_heater_on_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PumpOnlyRule());

        Assert.Contains("IL-TEST: a response that stops the pump must also switch the heater off", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_high_priority_rule_acts_and_every_action_is_latched()
    {
        Assert.All(Rules, r =>
        {
            Assert.Equal(r.Priority == AlarmPriority.High, r.Response != InterlockResponse.None);
            Assert.Equal(r.Response != InterlockResponse.None, r.Clear == ClearCondition.OperatorReset);
        });
    }

    [Fact]
    public void Rule_ids_are_unique_and_hazards_are_in_the_register()
    {
        Assert.Equal(Rules.Count, Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(Rules, r => Assert.Contains(Hazards.All, h => h.Id == r.HazardId));
    }

    [Fact]
    public void Every_rule_traces_to_a_well_formed_interlock_requirement_naming_its_hazard()
    {
        var catalog = Catalog();

        Assert.Empty(catalog.Problems);
        Assert.All(Rules, r =>
        {
            var requirement = catalog.Find(r.RequirementId);
            Assert.True(requirement is not null, $"{r.Id}: {r.RequirementId} is not in requirements/interlocks.yaml");
            Assert.Contains(r.HazardId, requirement!.Hazards);
        });
        Assert.All(InterlockTrace.Links(Rules), link => Assert.True(catalog.Contains(link.RequirementId!), link.Item));
    }

    [Fact]
    public void Every_interlock_requirement_verified_by_test_has_a_test_here()
    {
        var verified = Directory.EnumerateFiles(Path.GetDirectoryName(ThisFile())!, "*.cs")
            .SelectMany(f => TestReferenceScanner.Scan(f, File.ReadAllText(f)))
            .Select(t => t.RequirementId)
            .ToHashSet(StringComparer.Ordinal);

        var untested = Catalog().All
            .Where(r => r.Verification == VerificationMethod.Test && !verified.Contains(r.Id))
            .Select(r => r.Id);

        Assert.Empty(untested);
    }

    [Fact]
    public void The_readme_table_has_a_row_per_rule_with_its_requirement_and_hazard()
    {
        var rows = File.ReadAllLines(Path.Combine(RepoRoot(), "src", "HipecSafe.Core", "Interlocks", "README.md"))
            .Where(l => l.StartsWith("| IL-", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(Rules.Count, rows.Count);
        Assert.All(Rules, r =>
        {
            var row = Assert.Single(rows, l => l.StartsWith($"| {r.Id} |", StringComparison.Ordinal));
            Assert.Contains($"| {r.RequirementId} |", row, StringComparison.Ordinal);
            Assert.Contains(r.HazardId, row, StringComparison.Ordinal);
            Assert.Contains($"| {r.Priority.ToString().ToLowerInvariant()} |", row, StringComparison.Ordinal);
        });
    }

    private static RequirementCatalog Catalog()
    {
        var catalog = new RequirementCatalog();
        var file = Path.Combine(RepoRoot(), "requirements", "interlocks.yaml");
        catalog.AddFile("requirements/interlocks.yaml", File.ReadAllText(file));
        return catalog;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string RepoRoot()
    {
        for (var dir = Path.GetDirectoryName(ThisFile()); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HipecSafe.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no HipecSafe.sln above {ThisFile()}");
    }

    private sealed class PumpOnlyRule() : InterlockRule("IL-TEST", "test", Hazards.Occlusion, "SRS-IL-099", AlarmPriority.High,
        InterlockResponse.PumpStop, ClearCondition.OperatorReset, Duration.Zero, InterlockPhases.All, "never")
    {
        public override RuleCheck Check(InterlockContext context) => RuleCheck.Clear();
    }
}
