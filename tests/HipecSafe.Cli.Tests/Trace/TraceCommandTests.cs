using HipecSafe.TestSupport;

namespace HipecSafe.Cli.Tests.Trace;

/// <summary>
/// Runs `hipecsafe trace --check` on a copy of the repository's requirements and test sources, before and after
/// planting an orphan, to show the check passes on the real trace and fails naming the planted orphan.
/// </summary>
public sealed class TraceCommandTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("hipecsafe-trace-").FullName;

    public TraceCommandTests()
    {
        File.WriteAllText(Path.Combine(_copy, "HipecSafe.sln"), "");
        CopyTree("requirements", "*.yaml");
        CopyTree("tests", "*.cs");
        CopyTree("safety", "*");
        CopyTree("hil", "*.yaml");
        CopyTree("src", "*.md"); // evidence documents of requirements verified by inspection
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private void CopyTree(string folder, string pattern)
    {
        var from = Path.Combine(RepoPaths.Root, folder);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, pattern, SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(RepoPaths.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Passes_on_the_repository_and_prints_counts()
    {
        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("trace check passed", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"requirements: \d+; design links: \d+ \(\d+ traced\); test references: \d+", result.Stdout);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Fails_naming_a_planted_test_reference_to_an_undefined_requirement()
    {
        // Built from parts so that the trace check of this repository does not read it as a reference.
        const string attribute = "Verif" + "ies";
        File.WriteAllText(Path.Combine(_copy, "tests", "Planted.cs"), $$"""
            public class Planted
            {
                [Fact]
                [{{attribute}}("SRS-PH-999")]
                public void Planted_orphan() { }
            }
            """);

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: test Planted_orphan (tests/Planted.cs:4) references undefined requirement SRS-PH-999", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("ORPHAN: test Planted_orphan", StringComparison.Ordinal));
        Assert.Contains("trace check FAILED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Fails_naming_transitions_whose_requirement_was_removed()
    {
        var phases = Path.Combine(_copy, "requirements", "phases.yaml");
        var text = File.ReadAllText(phases);
        var start = text.IndexOf("  - id: SRS-PH-009", StringComparison.Ordinal);
        var end = text.IndexOf("  - id: SRS-PH-010", StringComparison.Ordinal);
        File.WriteAllText(phases, text.Remove(start, end - start));

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: transition ChemoPerfusion --EndChemoEarly--> Washout references undefined requirement SRS-PH-009", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"ORPHAN: test \w+ \(tests/.+:\d+\) references undefined requirement SRS-PH-009", result.Stdout);
    }

    [Fact]
    [Verifies("SRS-TR-001")]
    public void Fails_naming_a_requirement_that_no_test_verifies()
    {
        File.AppendAllText(Path.Combine(_copy, "requirements", "phases.yaml"), """
              - id: SRS-PH-098
                text: "The controller shall do something new."
                rationale: "planted"
                source: "test"
                verification: test

            """);

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: requirement SRS-PH-098 (requirements/phases.yaml) is verified by test, but no test carries", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void Fails_naming_an_untraced_scenario_and_a_hazard_left_without_scenario()
    {
        // Drop the manifest entries of every scenario verifying HAZ-004 (occlusion in each phase), and add a scenario
        // file nobody traced.
        var manifest = Path.Combine(_copy, "safety", "scenario-trace.yaml");
        var entries = File.ReadAllText(manifest).Split("  - scenario: ");
        File.WriteAllText(manifest, string.Join("  - scenario: ", entries.Where(e => !e.Contains("HAZ-004", StringComparison.Ordinal))));
        File.Copy(Path.Combine(_copy, "hil", "scenarios", "nominal-seed-1.yaml"), Path.Combine(_copy, "hil", "scenarios", "planted.yaml"));

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: scenario occlusion (hil/scenarios/occlusion.yaml) is not in safety/scenario-trace.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ORPHAN: scenario planted (hil/scenarios/planted.yaml) is not in safety/scenario-trace.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ORPHAN: hazard HAZ-004 (Inflow line occluded or kinked) is verified by no scenario", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void Fails_when_a_declared_phase_is_not_where_the_scenario_file_starts_its_fault()
    {
        // occlusion-washout is the only scenario verifying HAZ-004 in Washout; its file starts the fault in Washout.
        var manifest = Path.Combine(_copy, "safety", "scenario-trace.yaml");
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("  - scenario: occlusion-washout\n", StringComparison.Ordinal);
        var end = text.IndexOf("  - scenario: ", start + 1, StringComparison.Ordinal);
        var entry = text[start..(end < 0 ? text.Length : end)];
        File.WriteAllText(manifest, text.Replace(entry, entry.Replace("phases: [Washout]", "phases: [Draining]", StringComparison.Ordinal), StringComparison.Ordinal));

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: scenario occlusion-washout declares Draining, but its fault triggers name Washout", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ORPHAN: hazard HAZ-004 can occur in Washout (safety/hazard-phases.yaml) but no committed scenario verifies it with a fault starting there", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-006")]
    public void Fails_when_the_hazard_phase_table_is_missing()
    {
        File.Delete(Path.Combine(_copy, "safety", "hazard-phases.yaml"));

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: safety/hazard-phases.yaml is missing: no hazard's phases are decided", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-004")]
    public void Fails_when_the_scenario_trace_file_is_missing()
    {
        File.Delete(Path.Combine(_copy, "safety", "scenario-trace.yaml"));

        var result = CliProcess.Run(_copy, "trace", "--check");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ORPHAN: safety/scenario-trace.yaml is missing: no scenario is traced to a hazard", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-005")]
    public void Matrix_is_written_as_markdown_and_html_with_every_hazard_requirement_and_scenario()
    {
        var dir = Path.Combine(_copy, "out", "matrix");

        var result = CliProcess.Run(_copy, "trace", "--check", "--matrix", dir);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var md = File.ReadAllText(Path.Combine(dir, "traceability-matrix.md"));
        var html = File.ReadAllText(Path.Combine(dir, "traceability-matrix.html"));
        var requirementIds = Directory.EnumerateFiles(Path.Combine(_copy, "requirements"), "*.yaml")
            .SelectMany(f => File.ReadLines(f)).Where(l => l.TrimStart().StartsWith("- id: SRS-", StringComparison.Ordinal))
            .Select(l => l.Trim()[6..]).ToList();
        Assert.True(requirementIds.Count > 100);
        foreach (var id in requirementIds)
        {
            Assert.Contains($"| **{id}** |", md, StringComparison.Ordinal);
            Assert.Contains($"<tr id=\"{id}\">", html, StringComparison.Ordinal);
        }

        foreach (var hazard in Core.Safety.Hazards.All)
        {
            Assert.Contains($"| **{hazard.Id}** ", md, StringComparison.Ordinal);
            Assert.Contains($"<tr id=\"{hazard.Id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("IL-OCCLUSION | ", md, StringComparison.Ordinal);
        Assert.Contains("occlusion", md.Split('\n').Single(l => l.StartsWith("| **HAZ-004**", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Trace check: **passed**.", md, StringComparison.Ordinal);
        Assert.Contains("`Matrix_is_written_as_markdown_and_html_with_every_hazard_requirement_and_scenario` (TraceCommandTests.cs:", md, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-005")]
    public void Matrix_that_cannot_be_written_exits_2_naming_the_folder()
    {
        var file = Path.Combine(_copy, "a-file");
        File.WriteAllText(file, "");

        var result = CliProcess.Run(_copy, "trace", "--matrix", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--matrix {file}: cannot write the matrix", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-TR-002")]
    public void Diagram_command_prints_mermaid_and_dot_with_requirements()
    {
        var mermaid = CliProcess.Run(_copy, "diagram", "--format", "mermaid");
        var dot = CliProcess.Run(_copy, "diagram", "--format", "dot");
        var bad = CliProcess.Run(_copy, "diagram", "--format", "svg");

        Assert.Equal(0, mermaid.ExitCode);
        Assert.Contains("Heating --> ReadyForChemo : TargetTemperatureReached", mermaid.Stdout, StringComparison.Ordinal);
        Assert.Contains("(SRS-PH-005)", mermaid.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph PhaseMachine {", dot.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("svg", bad.Stderr + bad.Stdout, StringComparison.Ordinal);
    }
}
