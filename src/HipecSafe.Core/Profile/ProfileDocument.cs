using HipecSafe.Core.Yaml;

namespace HipecSafe.Core.Profile;

/// <summary>
/// A profile's mapping flattened into dotted paths with their line numbers, so that the loader can name the exact
/// field and line of every error and find keys nobody asked for. A profile holds single values only: a list, or an
/// alias to a section, is reported on its field.
/// </summary>
internal sealed class ProfileDocument
{
    private const string Expected = "exactly one mapping of profile fields";

    private readonly Dictionary<string, (string Value, int Line)> _scalars = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<ProfileError> _errors;

    private ProfileDocument(List<ProfileError> errors) => _errors = errors;

    /// <summary>
    /// Reads the document, adding an error for every structural problem. Returns null when the text cannot be read as
    /// one mapping at all; otherwise the fields that could be read, with the problems of the others already reported.
    /// </summary>
    public static ProfileDocument? Parse(string text, List<ProfileError> errors)
    {
        var problems = new List<YamlProblem>();
        var root = YamlTreeReader.ReadMapping(text, Expected, problems);
        errors.AddRange(problems.Select(p => new ProfileError(p.Field, p.Line, p.Message)));
        if (root is null)
        {
            return null;
        }

        var doc = new ProfileDocument(errors);
        doc.Flatten(root, "");
        return doc;
    }

    private void Flatten(YamlMapping mapping, string prefix)
    {
        foreach (var entry in mapping.Entries)
        {
            var key = prefix + entry.Key;
            switch (entry.Value)
            {
                case YamlUnreadable:
                    // The reader said why; the field must not also be reported as missing.
                    _reported.Add(key);
                    break;
                case { Alias: { } anchor } and not YamlScalar:
                    // Flattening a shared section under a second name would only produce unknown fields.
                    Report(key, entry.KeyLine, $"*{anchor} does not name a single value defined above");
                    break;
                case YamlMapping section:
                    Flatten(section, key + ".");
                    break;
                case YamlScalar scalar:
                    AddScalar(key, scalar.Value, entry.KeyLine);
                    break;
                default:
                    Report(key, entry.KeyLine, "expected a single value, found a list");
                    break;
            }
        }
    }

    private void AddScalar(string key, string value, int line)
    {
        // Two spellings can flatten to one path, e.g. "abdominal.target_c: 42" beside an "abdominal:" section.
        if (!_scalars.TryAdd(key, (value, line)))
        {
            Report(key, line, $"appears twice (first at line {_scalars[key].Line})");
        }
    }

    private void Report(string key, int line, string message)
    {
        _reported.Add(key);
        _errors.Add(new ProfileError(key, line, message));
    }

    public bool TryGet(string path, out string value, out int line)
    {
        _consumed.Add(path);
        if (_scalars.TryGetValue(path, out var entry))
        {
            (value, line) = entry;
            return true;
        }

        (value, line) = ("", 0);
        return false;
    }

    /// <summary>True when a problem with <paramref name="path"/> has already been reported (a list, a bad alias).</summary>
    public bool HasReported(string path) => _reported.Contains(path) && !_scalars.ContainsKey(path);

    public IEnumerable<(string Path, int Line)> Unconsumed() =>
        _scalars.Where(kv => !_consumed.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value.Line));
}
