using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Reads safety/hazard-phases.yaml. Every treatment phase must be decided for every hazard: applicable, excluded with
/// a reason, or open with the open item (OI-NN) that explains the missing scenario — an undecided phase would let a
/// hazard go unverified where nobody looked. Every problem is collected for the trace check, never thrown.
/// </summary>
public static class HazardPhasesFile
{
    public const string RelativePath = "safety/hazard-phases.yaml";

    /// <summary>The phases of a procedure with a patient connected and the fluid path in use; each must be decided.</summary>
    public static IReadOnlyList<Phase> TreatmentPhases { get; } =
        [Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Paused, Phase.Washout, Phase.Draining];

    /// <summary>Phases a hazard may also be declared in where relevant; protective and final states never are.</summary>
    private static readonly Phase[] OptionalPhases = [Phase.PowerOnSelfTest, Phase.Standby];

    public static IReadOnlyList<HazardPhases> Parse(string fileName, string yamlText, IReadOnlyCollection<string> knownHazards, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(knownHazards);
        ArgumentNullException.ThrowIfNull(problems);
        var dto = TraceYaml.Read<FileDto>(fileName, yamlText, "hazard × phase file", problems);
        if (dto is null)
        {
            return [];
        }

        if (dto?.Hazards is null || dto.Hazards.Count == 0)
        {
            problems.Add($"{fileName}: no hazards listed");
            return [];
        }

        var result = new List<HazardPhases>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Hazards.Count; i++)
        {
            var entry = dto.Hazards[i];
            if (string.IsNullOrWhiteSpace(entry.Hazard))
            {
                problems.Add($"{fileName}: entry {i + 1} names no hazard");
                continue;
            }

            var id = entry.Hazard;
            if (!knownHazards.Contains(id))
            {
                problems.Add($"{fileName}: {id} is not a hazard of the register");
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add($"{fileName}: {id} listed twice");
                continue;
            }

            var decided = new Dictionary<Phase, string>();
            var applicable = new List<Phase>();
            foreach (var name in entry.Phases ?? [])
            {
                if (PhaseOf(fileName, id, name, problems) is { } phase && Decide(fileName, id, phase, "phases", decided, problems))
                {
                    applicable.Add(phase);
                }
            }

            var excluded = Reasons(fileName, id, "excluded", entry.Excluded, decided, problems, reason => null);
            var open = Reasons(fileName, id, "open", entry.Open, decided, problems, reason =>
                reason.StartsWith("OI-", StringComparison.Ordinal) ? null : "must start with the open item it is listed under (OI-NN)");
            foreach (var phase in TreatmentPhases.Where(p => !decided.ContainsKey(p)))
            {
                problems.Add($"{fileName}: {id} leaves {phase} undecided (list it under phases, excluded or open)");
            }

            result.Add(new HazardPhases(id, applicable, excluded, open));
        }

        foreach (var missing in knownHazards.Where(h => !seen.Contains(h)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{fileName}: hazard {missing} has no row (every hazard's phases must be decided)");
        }

        return result;
    }

    private static Dictionary<Phase, string> Reasons(
        string fileName, string id, string key, Dictionary<string, string>? map, Dictionary<Phase, string> decided, ICollection<string> problems, Func<string, string?> reasonProblem)
    {
        var result = new Dictionary<Phase, string>();
        foreach (var (name, reason) in map ?? [])
        {
            if (PhaseOf(fileName, id, name, problems) is not { } phase || !Decide(fileName, id, phase, key, decided, problems))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add($"{fileName}: {id} {key} {phase} gives no reason");
            }
            else if (reasonProblem(reason) is { } why)
            {
                problems.Add($"{fileName}: {id} {key} {phase}: the reason {why}");
            }

            result[phase] = reason ?? string.Empty;
        }

        return result;
    }

    private static Phase? PhaseOf(string fileName, string id, string? name, ICollection<string> problems)
    {
        if (Enum.TryParse<Phase>(name, ignoreCase: false, out var phase) && Enum.IsDefined(phase) && !int.TryParse(name, out _)
            && (TreatmentPhases.Contains(phase) || OptionalPhases.Contains(phase)))
        {
            return phase;
        }

        problems.Add($"{fileName}: {id} names '{name}', which is not a phase a hazard is judged in ({string.Join(", ", TreatmentPhases.Concat(OptionalPhases))})");
        return null;
    }

    private static bool Decide(string fileName, string id, Phase phase, string key, Dictionary<Phase, string> decided, ICollection<string> problems)
    {
        if (decided.TryGetValue(phase, out var first))
        {
            problems.Add($"{fileName}: {id} decides {phase} twice ({first} and {key})");
            return false;
        }

        decided[phase] = key;
        return true;
    }

    // YamlDotNet needs settable properties; these DTOs never leave this class. Unknown keys are errors by default.
    private sealed class FileDto
    {
        public List<EntryDto>? Hazards { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Hazard { get; set; }
        public List<string>? Phases { get; set; }
        public Dictionary<string, string>? Excluded { get; set; }
        public Dictionary<string, string>? Open { get; set; }
    }
}
