using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Requirements;
using HipecSafe.TestSupport;
using Stateless;

namespace HipecSafe.Core.Tests.Requirements;

public class TraceCheckTests
{
    private const string TwoRequirements = """
        area: XX
        title: test
        requirements:
          - id: SRS-XX-001
            text: "shall a"
            rationale: "r"
            source: "s"
            verification: test
          - id: SRS-XX-002
            text: "shall b"
            rationale: "r"
            source: "s"
            verification: analysis
            evidence: safety/analysis.md
        """;

    private static RequirementCatalog Catalog(string yaml = TwoRequirements)
    {
        var catalog = new RequirementCatalog();
        catalog.AddFile("requirements/xx.yaml", yaml);
        return catalog;
    }

    private static TestReference Test(string id) => new(id, "Some_test", "tests/X.cs", 10);

    [Fact]
    [Verifies("SRS-TR-001")]
    public void A_complete_trace_passes_and_prints_counts()
    {
        var report = TraceCheck.Run(Catalog(), [new TraceLink("transition", "A --go--> B", "SRS-XX-001")], [Test("SRS-XX-001")], _ => true);

        Assert.True(report.Passed, string.Join("\n", report.Orphans));
        Assert.Equal("requirements: 2; design links: 1 (1 traced); test references: 1; requirements verified by test: 1/1; orphans: 0", report.Summary);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Each_kind_of_orphan_is_named()
    {
        var report = TraceCheck.Run(
            Catalog(),
            [new TraceLink("transition", "A --go--> B", null), new TraceLink("interlock", "IL-X", "SRS-XX-099")],
            [Test("SRS-XX-077")],
            _ => false);

        Assert.False(report.Passed);
        Assert.Contains("transition A --go--> B has no requirement", report.Orphans);
        Assert.Contains("interlock IL-X references undefined requirement SRS-XX-099", report.Orphans);
        Assert.Contains("test Some_test (tests/X.cs:10) references undefined requirement SRS-XX-077", report.Orphans);
        Assert.Contains(report.Orphans, o => o.StartsWith("requirement SRS-XX-001 (requirements/xx.yaml) is verified by test, but no test", StringComparison.Ordinal));
        Assert.Contains("requirement SRS-XX-002 names evidence 'safety/analysis.md', which does not exist", report.Orphans);
        Assert.Equal(5, report.Orphans.Count);
    }

    [Fact]
    [Verifies("SRS-TR-003")]
    public void Malformed_requirements_are_orphans()
    {
        var catalog = Catalog("""
            requirements:
              - id: SRS-XX-001
                text: "shall a"
                verification: test
              - id: XX-2
                text: "t"
              - id: SRS-XX-003
                text: "t"
                rationale: "r"
                source: "s"
                verification: inspection
                hazards: [HAZ-999]
              - id: SRS-XX-001
                text: "again"
                rationale: "r"
                source: "s"
                verification: tset
            """);

        Assert.Contains("requirements/xx.yaml: SRS-XX-001: missing rationale", catalog.Problems);
        Assert.Contains("requirements/xx.yaml: SRS-XX-001: missing source", catalog.Problems);
        Assert.Contains("requirements/xx.yaml: XX-2: id must look like SRS-AREA-NNN", catalog.Problems);
        Assert.Contains("requirements/xx.yaml: SRS-XX-003: verification by inspection must name its evidence document", catalog.Problems);
        Assert.Contains("requirements/xx.yaml: SRS-XX-001: verification 'tset' must be test, analysis or inspection", catalog.Problems);
        Assert.Contains("requirements/xx.yaml: SRS-XX-001: defined twice (also in requirements/xx.yaml)", catalog.Problems);
        var report = TraceCheck.Run(catalog, [], [Test("SRS-XX-001")], _ => true);
        Assert.Contains("requirement SRS-XX-003 references unknown hazard HAZ-999", report.Orphans);
    }

    [Fact]
    [Verifies("SRS-TR-003")]
    public void Unreadable_requirements_file_is_reported_with_its_line()
    {
        var catalog = Catalog("requirements: [ {id: SRS-XX-001, text: \"unterminated }");

        var problem = Assert.Single(catalog.Problems);
        Assert.StartsWith("requirements/xx.yaml (line 1): not a valid requirements file", problem, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void A_transition_configured_in_stateless_without_a_requirement_is_found_through_GetInfo()
    {
        // A planted orphan: the real machine's requirement map, but a Stateless machine with one extra transition.
        var real = new PhaseMachine(TreatmentProfile.Default);
        var planted = new StateMachine<Phase, PhaseTrigger>(Phase.Standby);
        planted.Configure(Phase.Standby).Permit(PhaseTrigger.StartPriming, Phase.Priming).Permit(PhaseTrigger.AddDrug, Phase.ChemoPerfusion);

        var edges = PhaseMachineTrace.Edges(planted.GetInfo(), real.RequirementFor);
        var links = PhaseMachineTrace.Links(edges).ToList();

        Assert.Contains(new TraceLink("transition", "Standby --StartPriming--> Priming", "SRS-PH-003"), links);
        Assert.Contains(new TraceLink("transition", "Standby --AddDrug--> ChemoPerfusion", null), links);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void The_real_phase_machine_has_a_requirement_on_every_transition()
    {
        var machine = new PhaseMachine(TreatmentProfile.Default);
        var edges = PhaseMachineTrace.Edges(machine.GetInfo(), machine.RequirementFor);

        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.NotNull(e.RequirementId));
        Assert.Equal(machine.Requirements.Count, edges.Count);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Scanner_reads_verifies_attributes_and_the_method_they_mark()
    {
        // Built from parts so that the trace check of this repository does not read it as a reference.
        const string v = "Verif" + "ies";
        const string source = $$"""
            public class T
            {
                [Fact]
                [{{v}}("SRS-AA-001", "SRS-AA-002")]
                public void First_test()
                {
                }

                // [{{v}}("SRS-AA-009")] commented out: not a reference
                [Theory, {{v}}("SRS-AA-003")]
                [InlineData(1)]
                public async Task Second_test(int x) { }
            }
            """;

        var refs = TestReferenceScanner.Scan("tests/T.cs", source).ToList();

        Assert.Equal(
            [("SRS-AA-001", "First_test", 4), ("SRS-AA-002", "First_test", 4), ("SRS-AA-003", "Second_test", 10)],
            refs.Select(r => (r.RequirementId, r.TestName, r.Line)));
    }

    [Fact]
    [Verifies("SRS-TR-002")]
    public void Diagrams_carry_the_requirement_on_every_edge()
    {
        var machine = new PhaseMachine(TreatmentProfile.Default);
        var edges = PhaseMachineTrace.Edges(machine.GetInfo(), machine.RequirementFor);

        var mermaid = PhaseDiagram.Mermaid(edges, PhaseMachine.Initial.Current);
        var dot = PhaseDiagram.Dot(edges, PhaseMachine.Initial.Current);

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("ReadyForChemo --> ChemoPerfusion : AddDrug [every abdominal probe valid and above the drug-addition minimum + 0.1 K probe accuracy, and the leak check confirmed] (SRS-PH-007)", mermaid, StringComparison.Ordinal);
        Assert.Contains("Paused --> ChemoPerfusion : Resume [no fault cause is active] (SRS-PH-013)", mermaid, StringComparison.Ordinal);
        Assert.Contains("ChemoPerfusion -> Washout [label=\"EndChemoEarly (SRS-PH-009)\"];", dot, StringComparison.Ordinal);
        var edgeLines = mermaid.Split('\n').Where(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)).ToList();
        Assert.All(edgeLines, l => Assert.Matches(@"\((SRS-PH|SRS-RS)-\d{3}\)\s*$", l));
        Assert.DoesNotContain("NO REQUIREMENT", mermaid, StringComparison.Ordinal);
    }
}
