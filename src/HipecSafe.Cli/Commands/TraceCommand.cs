using System.CommandLine;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Requirements;

namespace HipecSafe.Cli.Commands;

/// <summary><c>hipecsafe trace [--check]</c>: requirement ↔ design ↔ test traceability (SRS-TR-001).</summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "exit non-zero, naming each orphan, when the trace is incomplete" };
        var rootOption = new Option<string?>("--root") { Description = "repository root (default: the folder holding HipecSafe.sln, searched upwards)" };
        var command = new Command("trace", "Check that every transition has a requirement and every requirement a verifying test") { check, rootOption };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find(parse.GetValue(rootOption));
            var report = Run(root);
            Print(report, Console.Out);
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
        return TraceCheck.Run(catalog, DesignLinks(), tests, evidence => File.Exists(Path.Combine(root, evidence)));
    }

    /// <summary>Every design item that must carry a requirement.</summary>
    public static IEnumerable<TraceLink> DesignLinks()
    {
        var machine = new PhaseMachine(TreatmentProfile.Default);
        return PhaseMachineTrace.Links(PhaseMachineTrace.Edges(machine.GetInfo(), machine.RequirementFor))
            .Concat(InterlockTrace.Links(InterlockRuleSet.Standard(TreatmentProfile.Default.Limits)));
    }

    public static void Print(TraceReport report, TextWriter output)
    {
        foreach (var orphan in report.Orphans)
        {
            output.WriteLine($"ORPHAN: {orphan}");
        }

        output.WriteLine(report.Summary);
        output.WriteLine(report.Passed ? "trace check passed" : $"trace check FAILED: {report.Orphans.Count} orphan(s)");
    }
}
