using HipecSafe.Core.Phases;
using HipecSafe.Core.Requirements;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Requirements;

/// <summary>The hazard × phase coverage of the trace check (SRS-TR-006).</summary>
public class PhaseCoverageTests
{
    private static readonly string[] Register = Hazards.All.Select(h => h.Id).ToArray();

    /// <summary>A table deciding every treatment phase of every hazard: HAZ-001 applies in Heating and Washout, the rest nowhere.</summary>
    private static string Table(string haz001Extra = "") =>
        "hazards:\n" + string.Join("", Register.Select(id => id == "HAZ-001"
            ? $"  - hazard: {id}\n    phases: [Heating, Washout]\n    excluded:\n      Priming: r\n      ReadyForChemo: r\n      ChemoPerfusion: r\n      Paused: r\n{haz001Extra}"
            : $"  - hazard: {id}\n    excluded:\n      Priming: r\n      Heating: r\n      ReadyForChemo: r\n      ChemoPerfusion: r\n      Paused: r\n      Washout: r\n      Draining: r\n"));

    private static string Draining(string how) => how == "open" ? "    open:\n      Draining: \"OI-99: why\"\n" : "      Draining: r\n";

    private static IReadOnlyList<HazardPhases> Parse(string yaml, List<string> problems) =>
        HazardPhasesFile.Parse(HazardPhasesFile.RelativePath, yaml, Register, problems);

    private static ScenarioTrace Trace(string table, IReadOnlyDictionary<string, IReadOnlyList<Phase>> faultPhases, params ScenarioLink[] links)
    {
        var problems = new List<string>();
        var parsed = Parse(table, problems);
        Assert.Empty(problems);
        return new ScenarioTrace(links.Select(l => l.Scenario).ToList(), links, []) { HazardPhases = parsed, FaultPhases = faultPhases };
    }

    private static ScenarioLink Link(string name, string hazard, params string[] phases) =>
        new(name, [hazard], ["SRS-XX-001"], 1) { Phases = phases };

    [Fact]
    [Verifies("SRS-TR-006")]
    public void Every_applicable_pair_covered_by_a_scenario_whose_fault_starts_there_passes()
    {
        var trace = Trace(Table(Draining("excluded")),
            new Dictionary<string, IReadOnlyList<Phase>> { ["a"] = [Phase.Heating], ["b"] = [Phase.Washout] },
            Link("a", "HAZ-001", "Heating"), Link("b", "HAZ-001", "Washout"));

        Assert.Empty(PhaseCoverage.Orphans(trace));
        Assert.Equal(2, PhaseCoverage.ApplicablePairs(trace));
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void An_applicable_pair_without_a_scenario_is_an_orphan()
    {
        var trace = Trace(Table(Draining("excluded")),
            new Dictionary<string, IReadOnlyList<Phase>> { ["a"] = [Phase.Heating] },
            Link("a", "HAZ-001", "Heating"));

        Assert.Equal(
            ["hazard HAZ-001 can occur in Washout (safety/hazard-phases.yaml) but no committed scenario verifies it with a fault starting there"],
            PhaseCoverage.Orphans(trace));
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void A_declared_phase_the_scenario_file_does_not_trigger_in_does_not_cover_the_pair()
    {
        // The trace file claims Washout, but the file's fault starts in Heating: the Washout pair stays uncovered.
        var trace = Trace(Table(Draining("excluded")),
            new Dictionary<string, IReadOnlyList<Phase>> { ["a"] = [Phase.Heating], ["b"] = [Phase.Heating] },
            Link("a", "HAZ-001", "Heating"), Link("b", "HAZ-001", "Washout"));

        Assert.Equal(
            [
                "scenario b declares Washout, but its fault triggers name Heating",
                "hazard HAZ-001 can occur in Washout (safety/hazard-phases.yaml) but no committed scenario verifies it with a fault starting there",
            ],
            PhaseCoverage.Orphans(trace));
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void A_scenario_in_an_excluded_phase_an_unreadable_file_or_no_phase_is_reported()
    {
        var trace = Trace(Table(Draining("excluded")),
            new Dictionary<string, IReadOnlyList<Phase>> { ["a"] = [Phase.Heating, Phase.Priming], ["b"] = [Phase.Washout] },
            Link("a", "HAZ-001", "Heating", "Priming"), Link("b", "HAZ-001", "Washout"), Link("c", "HAZ-001", "Washout"), Link("d", "HAZ-002"));

        Assert.Equal(
            [
                "scenario a verifies HAZ-001 in Priming, which safety/hazard-phases.yaml excludes (r)",
                "scenario c declares Washout, but its file could not be read to confirm that a fault starts there",
                "scenario d verifies HAZ-002 but declares no phase in safety/scenario-trace.yaml",
            ],
            PhaseCoverage.Orphans(trace));
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void An_open_pair_with_its_open_item_is_counted_not_an_orphan()
    {
        var trace = Trace(Table(Draining("open")),
            new Dictionary<string, IReadOnlyList<Phase>> { ["a"] = [Phase.Heating], ["b"] = [Phase.Washout] },
            Link("a", "HAZ-001", "Heating"), Link("b", "HAZ-001", "Washout"));

        Assert.Empty(PhaseCoverage.Orphans(trace));
        Assert.Equal(1, PhaseCoverage.OpenPairs(trace));
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void An_undecided_phase_a_reasonless_exclusion_an_open_pair_without_its_item_and_a_missing_hazard_are_problems()
    {
        var problems = new List<string>();
        var table = Table("      Draining: \"\"\n").Replace("  - hazard: HAZ-002\n", "  - hazard: HAZ-002\n    open:\n      Heating: later\n", StringComparison.Ordinal)
            .Replace("      Heating: r\n", "", StringComparison.Ordinal);
        var withoutLast = string.Join("  - hazard:", table.Split("  - hazard:")[..^1]);

        Parse(withoutLast, problems);

        Assert.Contains("safety/hazard-phases.yaml: HAZ-001 excluded Draining gives no reason", problems);
        Assert.Contains("safety/hazard-phases.yaml: HAZ-002 open Heating: the reason must start with the open item it is listed under (OI-NN)", problems);
        Assert.Contains("safety/hazard-phases.yaml: HAZ-003 leaves Heating undecided (list it under phases, excluded or open)", problems);
        Assert.Contains($"safety/hazard-phases.yaml: hazard {Register[^1]} has no row (every hazard's phases must be decided)", problems);
    }

    [Theory]
    [Verifies("SRS-TR-006")]
    [InlineData("hazards:\n  - hazard: HAZ-001\n    phase: [Heating]\n", "safety/hazard-phases.yaml (line 3): not a valid hazard × phase file")]
    [InlineData("hazards:\n  - hazard: HAZ-999\n", "safety/hazard-phases.yaml: HAZ-999 is not a hazard of the register")]
    [InlineData("hazards:\n  - hazard: HAZ-001\n    phases: [Complete]\n", "safety/hazard-phases.yaml: HAZ-001 names 'Complete', which is not a phase a hazard is judged in")]
    [InlineData("hazards:\n  - hazard: HAZ-001\n    phases: [Heating]\n    excluded:\n      Heating: r\n", "safety/hazard-phases.yaml: HAZ-001 decides Heating twice (phases and excluded)")]
    public void A_malformed_table_is_reported_with_what_is_wrong(string yaml, string expected)
    {
        var problems = new List<string>();

        Parse(yaml, problems);

        Assert.StartsWith(expected, problems[0], StringComparison.Ordinal);
    }
}
