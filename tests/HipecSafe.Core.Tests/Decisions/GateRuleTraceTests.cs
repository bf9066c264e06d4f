using HipecSafe.Core.Decisions;
using HipecSafe.Core.Requirements;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate's rule table against requirements/gate.yaml: every gate requirement but SRS-GT-013 (the gate as a whole)
/// is carried by exactly one rule, named in its text, answering to one of its hazards, and the rules run in the
/// requirements' order ("then these rules in this order").
/// </summary>
public class GateRuleTraceTests
{
    private const string Independence = "SRS-GT-013";

    private static RequirementCatalog GateRequirements()
    {
        var catalog = new RequirementCatalog();
        catalog.AddFile("requirements/gate.yaml", File.ReadAllText(RepositoryLayout.PathOf("requirements", "gate.yaml")));
        Assert.Empty(catalog.Problems);
        return catalog;
    }

    [Fact]
    public void Every_gate_requirement_but_the_independence_one_is_carried_by_exactly_one_rule()
    {
        var requirements = GateRequirements().All.Select(r => r.Id).Where(id => id != Independence).ToList();

        Assert.NotEmpty(requirements);
        Assert.All(requirements, id => Assert.Single(GateRules.Ordered, r => r.RequirementId == id));
        Assert.DoesNotContain(GateRules.Ordered, r => r.RequirementId == Independence);
    }

    [Fact]
    public void Every_rule_answers_to_a_gate_requirement_that_names_it_and_lists_its_hazard()
    {
        var catalog = GateRequirements();

        Assert.All(GateRules.Ordered, rule =>
        {
            var requirement = catalog.Find(rule.RequirementId);
            Assert.True(requirement is not null, $"{rule.Id} answers to {rule.RequirementId}, which gate.yaml does not define");
            Assert.Contains($"({rule.Id})", requirement!.Text, StringComparison.Ordinal);
            Assert.Contains(rule.HazardId, requirement.Hazards);
        });
    }

    [Fact]
    public void The_rules_are_applied_in_the_order_of_their_requirements()
    {
        var fileOrder = GateRequirements().All.Select(r => r.Id).Where(id => id != Independence).Order(StringComparer.Ordinal);

        Assert.Equal(fileOrder, GateRules.Ordered.Select(r => r.RequirementId));
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        Assert.Equal(GateRules.Ordered.Count, GateRules.Ordered.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_rule_as_text_names_its_id_requirement_hazard_and_what_it_does()
    {
        var text = GateRules.NoReadout.ToString();

        Assert.StartsWith("GATE-NO-READOUT", text, StringComparison.Ordinal);
        Assert.Contains("SRS-GT-001", text, StringComparison.Ordinal);
        Assert.Contains(GateRules.NoReadout.HazardId, text, StringComparison.Ordinal);
        Assert.EndsWith(GateRules.NoReadout.Description, text, StringComparison.Ordinal);
    }
}
