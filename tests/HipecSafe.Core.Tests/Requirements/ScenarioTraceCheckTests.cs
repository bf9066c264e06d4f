using HipecSafe.Core.Requirements;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Requirements;

/// <summary>The hazard and scenario side of the trace check (SRS-TR-004) and the matrix it builds.</summary>
public class ScenarioTraceCheckTests
{
    private static readonly string AllHazards = string.Join(", ", Hazards.All.Select(h => h.Id));

    private static RequirementCatalog Catalog(string hazards)
    {
        var catalog = new RequirementCatalog();
        catalog.AddFile("requirements/xx.yaml", $$"""
            requirements:
              - id: SRS-XX-001
                text: "shall a"
                rationale: "r"
                source: "s"
                verification: test
                hazards: [{{hazards}}]
              - id: SRS-XX-002
                text: "shall b"
                rationale: "r"
                source: "s"
                verification: test
            """);
        return catalog;
    }

    private static readonly TestReference[] Tests = [new("SRS-XX-001", "T1", "tests/A.cs", 1), new("SRS-XX-002", "T2", "tests/A.cs", 9)];

    private static ScenarioTrace Scenarios(string yaml, params string[] files)
    {
        var problems = new List<string>();
        var links = ScenarioTraceFile.Parse(ScenarioTraceFile.RelativePath, yaml, problems);
        return new ScenarioTrace(files, links, problems);
    }

    private static string Manifest(string hazards, string scenario = "s1", string requirements = "SRS-XX-001") => $"""
        scenarios:
          - scenario: {scenario}
            hazards: [{hazards}]
            requirements: [{requirements}]
        """;

    private static TraceReport Run(RequirementCatalog catalog, ScenarioTrace scenarios, IEnumerable<TraceLink>? links = null) =>
        TraceCheck.Run(catalog, links ?? [], Tests, _ => true, scenarios);

    [Fact]
    [Verifies("SRS-TR-004")]
    public void A_complete_trace_from_hazard_to_scenario_passes_and_counts_hazards_and_scenarios()
    {
        var report = Run(Catalog(AllHazards), Scenarios(Manifest(AllHazards), "s1"),
            [new TraceLink("interlock", "IL-A", "SRS-XX-001", Hazards.AbdominalOverheating)]);

        Assert.True(report.Passed, string.Join("\n", report.Orphans));
        Assert.EndsWith($"; hazards with requirement and scenario: {Hazards.All.Count}/{Hazards.All.Count}; scenarios traced: 1", report.Summary, StringComparison.Ordinal);
        var row = report.Matrix.Hazards.Single(h => h.Hazard.Id == Hazards.AbdominalOverheating);
        Assert.Equal(["SRS-XX-001"], row.Requirements);
        Assert.Equal("IL-A", Assert.Single(row.Controls).Item);
        Assert.Equal(1, row.Tests);
        Assert.Equal(["s1"], row.Scenarios);
        Assert.Equal(["s1"], report.Matrix.Requirements.Single(r => r.Requirement.Id == "SRS-XX-001").Scenarios);
        Assert.Empty(report.Matrix.Requirements.Single(r => r.Requirement.Id == "SRS-XX-002").Scenarios);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void A_hazard_without_requirement_or_scenario_is_an_orphan()
    {
        var others = string.Join(", ", Hazards.All.Skip(1).Select(h => h.Id));

        var last = Hazards.All[^1];
        var report = Run(Catalog(others), Scenarios(Manifest(string.Join(", ", Hazards.All.SkipLast(1).Select(h => h.Id))), "s1"));

        Assert.Equal(
            [
                "hazard HAZ-001 (Abdominal fluid above 43 °C) is named by no requirement",
                $"hazard {last.Id} ({last.Title}) is verified by no scenario in safety/scenario-trace.yaml",
            ],
            report.Orphans);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void A_risk_control_whose_requirement_does_not_name_its_hazard_is_an_orphan()
    {
        var report = Run(Catalog(AllHazards), Scenarios(Manifest(AllHazards), "s1"),
            [new TraceLink("interlock", "IL-B", "SRS-XX-002", Hazards.Occlusion), new TraceLink("interlock", "IL-C", "SRS-XX-001", "HAZ-777")]);

        Assert.Equal(
            [
                "interlock IL-B controls HAZ-004, but its requirement SRS-XX-002 does not name that hazard",
                "interlock IL-C controls unknown hazard HAZ-777",
            ],
            report.Orphans);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void Scenario_files_and_manifest_entries_must_match_and_name_known_hazards_and_requirements()
    {
        var yaml = $"""
            scenarios:
              - scenario: s1
                hazards: [{AllHazards}]
                requirements: [SRS-XX-001]
              - scenario: gone
                hazards: [HAZ-999]
                requirements: [SRS-XX-404]
              - scenario: s1
                hazards: []
                requirements: [SRS-XX-001]
              - scenario: bare
                hazards: []
            """;

        var report = Run(Catalog(AllHazards), Scenarios(yaml, "s1", "bare", "untraced"));

        Assert.Equal(
            [
                "safety/scenario-trace.yaml: scenario s1 listed twice",
                "safety/scenario-trace.yaml: scenario bare names no requirement it exercises",
                "scenario untraced (hil/scenarios/untraced.yaml) is not in safety/scenario-trace.yaml",
                "safety/scenario-trace.yaml names scenario gone, which is not in hil/scenarios",
                "scenario gone references unknown hazard HAZ-999",
                "scenario gone references undefined requirement SRS-XX-404",
            ],
            report.Orphans);
    }

    [Theory]
    [Verifies("SRS-TR-004")]
    [InlineData("scenarios:\n  - scenario: s1\n    hazard: [HAZ-001]\n    requirements: [SRS-XX-001]\n", "safety/scenario-trace.yaml (line 3): not a valid scenario trace file")]
    [InlineData("scenarios: []\n", "safety/scenario-trace.yaml: no scenarios listed")]
    [InlineData("scenarios:\n  - hazards: [HAZ-001]\n    requirements: [SRS-XX-001]\n", "safety/scenario-trace.yaml: entry 1 names no scenario")]
    public void A_malformed_scenario_trace_file_is_reported_with_where(string yaml, string expected)
    {
        var problems = new List<string>();

        ScenarioTraceFile.Parse(ScenarioTraceFile.RelativePath, yaml, problems);

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void Without_a_scenario_side_no_hazard_rows_are_built_and_no_hazard_orphans_are_raised()
    {
        var report = TraceCheck.Run(Catalog(""), [], Tests, _ => true);

        Assert.True(report.Passed, string.Join("\n", report.Orphans));
        Assert.Empty(report.Matrix.Hazards);
        Assert.Equal(2, report.Matrix.Requirements.Count);
    }
}
