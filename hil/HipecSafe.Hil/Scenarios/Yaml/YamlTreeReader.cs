using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HipecSafe.Hil.Scenarios.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree that keeps line numbers and reports every duplicate
/// key with its path, instead of stopping at the first one as YamlDotNet's representation model does.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>The document's root node, or null when the text is not readable YAML (the reason is in <paramref name="errors"/>).</summary>
    public static YamlNode? Read(string text, List<ScenarioError> errors)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var errorsBefore = errors.Count;
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                errors.Add(new ScenarioError("(document)", 1, "the file is empty; expected a scenario mapping (name, profile, seed, duration, operator, faults, expect)"));
                return null;
            }

            var root = ReadNode(parser, "", anchors, errors);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                errors.Add(new ScenarioError("(document)", (int)parser.Current!.Start.Line, "a scenario file holds one document; found a second one ('---')"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            // What was read before a syntax error may be an artefact of it; report the cause alone.
            errors.RemoveRange(errorsBefore, errors.Count - errorsBefore);
            errors.Add(new ScenarioError("(document)", (int)ex.Start.Line, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string path, Dictionary<string, YamlNode> anchors, List<ScenarioError> errors)
    {
        var line = (int)parser.Current!.Start.Line;
        YamlNode node;
        string? anchor = null;
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                node = new YamlScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, line);
                break;
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                errors.Add(new ScenarioError(Display(path), line, $"*{alias.Value.Value} does not name anything defined above"));
                return new YamlScalar("", Quoted: false, line);
            case MappingStart start:
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                node = ReadMapping(parser, path, anchors, errors);
                break;
            case SequenceStart start:
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                node = ReadSequence(parser, path, anchors, errors);
                break;
            default:
                throw new YamlException(parser.Current.Start, parser.Current.End, $"unexpected {parser.Current.GetType().Name}");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static YamlMapping ReadMapping(IParser parser, string path, Dictionary<string, YamlNode> anchors, List<ScenarioError> errors)
    {
        var line = (int)parser.Consume<MappingStart>().Start.Line;
        var entries = new List<YamlEntry>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyLine = (int)parser.Current!.Start.Line;
            if (!parser.TryConsume<Scalar>(out var key))
            {
                errors.Add(new ScenarioError(Display(path), keyLine, "expected a field name, found a list or mapping used as a key"));
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var keyPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            if (firstLine.TryGetValue(key.Value, out var first))
            {
                // Which of the two was meant is anyone's guess: report it and keep the first.
                errors.Add(new ScenarioError(keyPath, keyLine, $"appears twice (first at line {first})"));
                parser.SkipThisAndNestedEvents();
                continue;
            }

            firstLine[key.Value] = keyLine;
            entries.Add(new YamlEntry(key.Value, keyLine, ReadNode(parser, keyPath, anchors, errors)));
        }

        return new YamlMapping(entries, line);
    }

    private static YamlSequence ReadSequence(IParser parser, string path, Dictionary<string, YamlNode> anchors, List<ScenarioError> errors)
    {
        var line = (int)parser.Consume<SequenceStart>().Start.Line;
        var items = new List<YamlNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser, $"{path}[{items.Count}]", anchors, errors));
        }

        return new YamlSequence(items, line);
    }

    private static string Display(string path) => path.Length == 0 ? "(document)" : path;
}
