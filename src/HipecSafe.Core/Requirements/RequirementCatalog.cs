using System.Text.RegularExpressions;

namespace HipecSafe.Core.Requirements;

/// <summary>All requirements, parsed from the per-area YAML files, with every format problem collected.</summary>
public sealed partial class RequirementCatalog
{
    [GeneratedRegex(@"^SRS-[A-Z]{2,4}-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private readonly Dictionary<string, Requirement> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public IReadOnlyCollection<Requirement> All => _byId.Values;

    /// <summary>Format problems (missing fields, duplicate or malformed IDs); each one is an orphan for the trace check.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    public static bool IsWellFormedId(string id) => IdPattern().IsMatch(id);

    /// <summary>Adds the requirements of one file (its text and name; reading files is the caller's job).</summary>
    public void AddFile(string fileName, string yamlText)
    {
        var dto = TraceYaml.Read<RequirementFileDto>(fileName, yamlText, "requirements file", _problems);
        if (dto is null)
        {
            return;
        }

        if (dto?.Requirements is null || dto.Requirements.Count == 0)
        {
            _problems.Add($"{fileName}: no requirements listed");
            return;
        }

        foreach (var r in dto.Requirements)
        {
            Add(fileName, r);
        }
    }

    private void Add(string fileName, RequirementDto r)
    {
        var id = r.Id ?? "";
        var where = $"{fileName}: {(id.Length > 0 ? id : "(requirement without id)")}";
        if (!IsWellFormedId(id))
        {
            _problems.Add($"{where}: id must look like SRS-AREA-NNN");
            return;
        }

        foreach (var (field, value) in new[] { ("text", r.Text), ("rationale", r.Rationale), ("source", r.Source) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                _problems.Add($"{where}: missing {field}");
            }
        }

        if (!Enum.TryParse<VerificationMethod>(r.Verification, ignoreCase: true, out var method))
        {
            _problems.Add($"{where}: verification '{r.Verification}' must be test, analysis or inspection");
        }
        else if (method != VerificationMethod.Test && string.IsNullOrWhiteSpace(r.Evidence))
        {
            _problems.Add($"{where}: verification by {method.ToString().ToLowerInvariant()} must name its evidence document");
        }

        if (!_byId.TryAdd(id, new Requirement(id, r.Text ?? "", r.Rationale ?? "", r.Source ?? "", method, r.Hazards ?? [], r.Evidence, fileName)))
        {
            _problems.Add($"{where}: defined twice (also in {_byId[id].File})");
        }
    }

    // YamlDotNet needs settable properties; these DTOs never leave this class.
    private sealed class RequirementFileDto
    {
        public string? Area { get; set; }
        public string? Title { get; set; }
        public List<RequirementDto>? Requirements { get; set; }
    }

    private sealed class RequirementDto
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public string? Rationale { get; set; }
        public string? Source { get; set; }
        public string? Verification { get; set; }
        public List<string>? Hazards { get; set; }
        public string? Evidence { get; set; }
    }
}
