using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HipecSafe.Core.Profile;

/// <summary>
/// A YAML (or JSON) mapping flattened into dotted paths with their line numbers, so that the loader can name the
/// exact field and line of every error and find keys nobody asked for.
/// </summary>
internal sealed class ProfileDocument
{
    private readonly Dictionary<string, (string Value, int Line)> _scalars = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private ProfileDocument() { }

    public static ProfileDocument Parse(string text, List<ProfileError> errors)
    {
        var doc = new ProfileDocument();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new ProfileError("(document)", (int)ex.Start.Line, $"not valid YAML/JSON: {ex.InnerException?.Message ?? ex.Message}"));
            return doc;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ProfileError("(document)", 1, "expected exactly one mapping of profile fields"));
            return doc;
        }

        doc.Flatten(root, "", errors);
        return doc;
    }

    private void Flatten(YamlMappingNode node, string prefix, List<ProfileError> errors)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? "?");
            var line = (int)keyNode.Start.Line;
            switch (valueNode)
            {
                case YamlMappingNode child:
                    Flatten(child, key + ".", errors);
                    break;
                case YamlScalarNode scalar when !_scalars.ContainsKey(key):
                    _scalars[key] = (scalar.Value ?? "", line);
                    break;
                case YamlScalarNode:
                    errors.Add(new ProfileError(key, line, "appears twice"));
                    break;
                default:
                    errors.Add(new ProfileError(key, line, "expected a single value, found a list"));
                    break;
            }
        }
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

    public IEnumerable<(string Path, int Line)> Unconsumed() =>
        _scalars.Where(kv => !_consumed.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value.Line));
}
