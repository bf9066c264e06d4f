using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HipecSafe.Core.Profile;

/// <summary>
/// A YAML (or JSON) mapping flattened into dotted paths with their line numbers, so that the loader can name the
/// exact field and line of every error and find keys nobody asked for.
/// </summary>
/// <remarks>
/// Read from the parser's event stream rather than YamlDotNet's representation model: the model throws on the first
/// duplicate key, which would reduce the report to one "(document)" error and hide every other problem in the file.
/// </remarks>
internal sealed class ProfileDocument
{
    private readonly Dictionary<string, (string Value, int Line)> _scalars = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);

    private ProfileDocument() { }

    /// <summary>
    /// Reads the document, adding an error for every structural problem. Returns null when the text cannot be read as
    /// one mapping at all; otherwise the fields that could be read, with the problems of the others already reported.
    /// </summary>
    public static ProfileDocument? Parse(string text, List<ProfileError> errors)
    {
        var doc = new ProfileDocument();
        var parser = new Parser(new StringReader(text));
        var errorsBefore = errors.Count;
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.Accept<MappingStart>(out _))
            {
                errors.Add(new ProfileError("(document)", 1, "expected exactly one mapping of profile fields"));
                return null;
            }

            doc.ReadMapping(parser, "", errors);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                errors.Add(new ProfileError("(document)", 1, "expected exactly one mapping of profile fields"));
                return null;
            }
        }
        catch (YamlException ex)
        {
            // What was read before a syntax error may be an artefact of it (a half-closed list); report the cause alone.
            errors.RemoveRange(errorsBefore, errors.Count - errorsBefore);
            errors.Add(new ProfileError("(document)", (int)ex.Start.Line, $"not valid YAML/JSON: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.Module.Assembly == typeof(Parser).Assembly)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken input (e.g. "a: [0\nb?: 1",
            // aaubry/YamlDotNet#541); it is still a syntax error in the file, not a fault of the loader.
            errors.RemoveRange(errorsBefore, errors.Count - errorsBefore);
            var line = Math.Max(1, (int)(parser.Current?.End.Line ?? 1));
            errors.Add(new ProfileError("(document)", line, "not valid YAML/JSON: cannot be read past this line (check brackets and quotes)"));
            return null;
        }

        return doc;
    }

    private void ReadMapping(IParser parser, string prefix, List<ProfileError> errors)
    {
        parser.Consume<MappingStart>();
        var keysHere = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyLine = (int)parser.Current!.Start.Line;
            if (!parser.TryConsume<Scalar>(out var keyScalar))
            {
                errors.Add(new ProfileError(Section(prefix), keyLine, "expected a field name, found a list or mapping as a key"));
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            if (string.IsNullOrWhiteSpace(keyScalar.Value))
            {
                // A bare "?" or "": an error on an empty field name would name nothing; name the section instead.
                errors.Add(new ProfileError(Section(prefix), keyLine, "a field has no name"));
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var key = prefix + keyScalar.Value;
            if (keysHere.TryGetValue(keyScalar.Value, out var firstLine))
            {
                // Which of the two was meant is anyone's guess: report it and do not read the second one.
                Report(errors, key, keyLine, $"appears twice (first at line {firstLine})");
                parser.SkipThisAndNestedEvents();
                continue;
            }

            keysHere[keyScalar.Value] = keyLine;
            ReadValue(parser, key, keyLine, errors);
        }
    }

    private static string Section(string prefix) => prefix.Length > 0 ? prefix.TrimEnd('.') : "(document)";

    private void ReadValue(IParser parser, string key, int line, List<ProfileError> errors)
    {
        switch (parser.Current)
        {
            case MappingStart:
                ReadMapping(parser, key + ".", errors);
                break;
            case Scalar scalar:
                parser.MoveNext();
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = scalar.Value;
                }

                AddScalar(key, scalar.Value, line, errors);
                break;
            case AnchorAlias alias:
                parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out var value))
                {
                    AddScalar(key, value, line, errors);
                }
                else
                {
                    Report(errors, key, line, $"*{alias.Value.Value} does not name a single value defined above");
                }

                break;
            default:
                Report(errors, key, line, "expected a single value, found a list");
                parser.SkipThisAndNestedEvents();
                break;
        }
    }

    private void AddScalar(string key, string value, int line, List<ProfileError> errors)
    {
        // Two spellings can flatten to one path, e.g. "abdominal.target_c: 42" beside an "abdominal:" section.
        if (!_scalars.TryAdd(key, (value, line)))
        {
            Report(errors, key, line, $"appears twice (first at line {_scalars[key].Line})");
        }
    }

    private void Report(List<ProfileError> errors, string key, int line, string message)
    {
        _reported.Add(key);
        errors.Add(new ProfileError(key, line, message));
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
