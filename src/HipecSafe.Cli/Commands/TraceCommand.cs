using System.CommandLine;
using HipecSafe.Cli.Reporting;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Requirements;
using HipecSafe.Core.Safety;
using HipecSafe.Hil.Scenarios;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe trace [--check] [--matrix DIR]</c>: requirement ↔ transition/interlock rule ↔ hazard ↔ test ↔ scenario
/// traceability (SRS-TR-001, SRS-TR-004) and the generated matrix (SRS-TR-005).
/// </summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "exit non-zero, naming each orphan, when the trace is incomplete" };
        var rootOption = new Option<string?>("--root") { Description = "repository root (default: the folder holding HipecSafe.sln, searched upwards)" };
        var matrix = new Option<string?>("--matrix") { Description = $"write {TraceMatrixMarkdown.FileName} and {TraceMatrixHtml.FileName} into this folder" };
        var command = new Command(
            "trace",
            "Check requirement ↔ transition/interlock rule ↔ hazard ↔ test ↔ scenario traceability; optionally write the matrix")
        {
            check, rootOption, matrix,
        };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find(parse.GetValue(rootOption));
            var report = Run(root);
            Print(report, Console.Out, Scenarios(root));
            if (parse.GetValue(matrix) is { } dir)
            {
                try
                {
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, TraceMatrixMarkdown.FileName), TraceMatrixMarkdown.Render(report));
                    File.WriteAllText(Path.Combine(dir, TraceMatrixHtml.FileName), TraceMatrixHtml.Render(report));
                    Console.Out.WriteLine($"matrix written to {Path.Combine(dir, TraceMatrixMarkdown.FileName)} and {TraceMatrixHtml.FileName}");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"--matrix {dir}: cannot write the matrix: {ex.Message}");
                    return 2;
                }
            }

            return parse.GetValue(check) && !report.Passed ? 1 : 0;
        });
        return command;
    }

    public static TraceReport Run(string root)
    {
        var catalog = new RequirementCatalog();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "requirements"), "*.yaml").Order(StringComparer.Ordinal))
        {
            catalog.AddFile(Path.GetRelativePath(root, file), File.ReadAllText(file));
        }

        var tests = RepositoryRoot.TestSources(root)
            .SelectMany(f => TestReferenceScanner.Scan(Path.GetRelativePath(root, f), File.ReadAllText(f)));
        return TraceCheck.Run(catalog, DesignLinks(), tests, evidence => File.Exists(Path.Combine(root, evidence)), Scenarios(root));
    }

    /// <summary>The scenario files in hil/scenarios and their links from safety/scenario-trace.yaml (a missing file is a problem).</summary>
    public static ScenarioTrace Scenarios(string root)
    {
        var folder = Path.Combine(root, "hil", "scenarios");
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        var problems = new List<string>();
        var manifest = Path.Combine(root, ScenarioTraceFile.RelativePath);
        var links = File.Exists(manifest)
            ? ScenarioTraceFile.Parse(ScenarioTraceFile.RelativePath, File.ReadAllText(manifest), problems)
            : [];
        if (!File.Exists(manifest))
        {
            problems.Add($"{ScenarioTraceFile.RelativePath} is missing: no scenario is traced to a hazard");
        }

        var phasesFile = Path.Combine(root, HazardPhasesFile.RelativePath);
        IReadOnlyList<HazardPhases> table = [];
        if (File.Exists(phasesFile))
        {
            table = HazardPhasesFile.Parse(
                HazardPhasesFile.RelativePath, File.ReadAllText(phasesFile), Hazards.All.Select(h => h.Id).ToList(), problems);
        }
        else
        {
            problems.Add($"{HazardPhasesFile.RelativePath} is missing: no hazard's phases are decided");
        }

        return new ScenarioTrace(files, links, problems) { HazardPhases = table, FaultPhases = FaultPhases(folder, files, problems) };
    }

    /// <summary>Per readable scenario file, the phases its faults' triggers name; an unreadable file is a problem.</summary>
    private static Dictionary<string, IReadOnlyList<Phase>> FaultPhases(string folder, IEnumerable<string> files, List<string> problems)
    {
        var result = new Dictionary<string, IReadOnlyList<Phase>>(StringComparer.Ordinal);
        foreach (var name in files)
        {
            var (scenario, errors) = ScenarioLoader.TryLoad(Path.Combine(folder, name + ".yaml"));
            if (scenario is null)
            {
                problems.Add($"scenario {name} (hil/scenarios/{name}.yaml) cannot be read: {string.Join("; ", errors.Select(e => e.ToString()))}");
                continue;
            }

            result[name] = scenario.Faults.Select(f => f.At).OfType<AfterPhaseEntry>().Select(t => t.Phase).Distinct().ToList();
        }

        return result;
    }

    /// <summary>Every design item that must carry a requirement.</summary>
    public static IEnumerable<TraceLink> DesignLinks()
    {
        var machine = new PhaseMachine(TreatmentProfile.Default);
        return PhaseMachineTrace.Links(PhaseMachineTrace.Edges(machine.GetInfo(), machine.RequirementFor))
            .Concat(InterlockTrace.Links(InterlockRuleSet.Standard(TreatmentProfile.Default.Limits)))
            .Concat(GateTrace.Links(GateRules.Ordered));
    }

    public static void Print(TraceReport report, TextWriter output, ScenarioTrace? scenarios = null)
    {
        foreach (var orphan in report.Orphans)
        {
            output.WriteLine($"ORPHAN: {orphan}");
        }

        output.WriteLine(report.Summary);
        if (scenarios?.HazardPhases is { Count: > 0 })
        {
            output.WriteLine($"hazard × phase pairs: {PhaseCoverage.ApplicablePairs(scenarios)} applicable, each needing a scenario; {PhaseCoverage.OpenPairs(scenarios)} open (no scenario, open item in the hazard analysis)");
        }
        output.WriteLine(report.Passed ? "trace check passed" : $"trace check FAILED: {report.Orphans.Count} orphan(s)");
    }
}
