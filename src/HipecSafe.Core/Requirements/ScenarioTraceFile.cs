
namespace HipecSafe.Core.Requirements;

/// <summary>
/// Reads safety/scenario-trace.yaml: for each scenario in hil/scenarios, the hazards it verifies and the requirements
/// it exercises, and the phases its fault starts in. Every problem (unknown key, missing field, duplicate) is collected for the trace check, never thrown.
/// </summary>
public static class ScenarioTraceFile
{
    public const string RelativePath = "safety/scenario-trace.yaml";

    public static IReadOnlyList<ScenarioLink> Parse(string fileName, string yamlText, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var dto = TraceYaml.Read<FileDto>(fileName, yamlText, "scenario trace file", problems);
        if (dto is null)
        {
            return [];
        }

        if (dto?.Scenarios is null || dto.Scenarios.Count == 0)
        {
            problems.Add($"{fileName}: no scenarios listed");
            return [];
        }

        var links = new List<ScenarioLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Scenarios.Count; i++)
        {
            var s = dto.Scenarios[i];
            if (string.IsNullOrWhiteSpace(s.Scenario))
            {
                problems.Add($"{fileName}: entry {i + 1} names no scenario");
                continue;
            }

            if (!seen.Add(s.Scenario))
            {
                problems.Add($"{fileName}: scenario {s.Scenario} listed twice");
                continue;
            }

            if (s.Requirements is not { Count: > 0 })
            {
                problems.Add($"{fileName}: scenario {s.Scenario} names no requirement it exercises");
            }

            links.Add(new ScenarioLink(s.Scenario, s.Hazards ?? [], s.Requirements ?? [], i + 1) { Phases = s.Phases ?? [] });
        }

        return links;
    }

    // YamlDotNet needs settable properties; these DTOs never leave this class. Unknown keys are errors by default.
    private sealed class FileDto
    {
        public List<EntryDto>? Scenarios { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Scenario { get; set; }
        public List<string>? Hazards { get; set; }
        public List<string>? Requirements { get; set; }
        public List<string>? Phases { get; set; }
    }
}
