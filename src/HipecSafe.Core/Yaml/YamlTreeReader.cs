using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HipecSafe.Core.Yaml;

/// <summary>
/// Reads one YAML (or JSON) document holding a mapping into a <see cref="YamlNode"/> tree that keeps line numbers,
/// reporting every structural problem with its path and line: a duplicate key, a key that is a list or has no name,
/// an alias to nothing; and refusing text past <see cref="MaxCharacters"/> or nested past <see cref="MaxDepth"/>.
/// </summary>
/// <remarks>
/// Read from the parser's event stream rather than YamlDotNet's representation model: the model throws on the first
/// duplicate key, which would reduce the report to one "(document)" error and hide every other problem in the file.
/// </remarks>
public static class YamlTreeReader
{
    /// <summary>
    /// The longest text read. A profile or scenario is a few kilobytes; the limit keeps a wrong file (a log, an image)
    /// from being parsed at length.
    /// </summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>
    /// The deepest nesting of mappings and lists read (the root mapping is level 1); deeper, reading stops. A profile
    /// uses 2 levels, a scenario 4. The reader recurses once per level, and YamlDotNet's scanner takes time in
    /// proportion to the flow depth for every token (100,000 "[" took minutes): read on, "[[[[…" would overflow the
    /// stack, which ends the process, or keep the loader busy for hours.
    /// </summary>
    public const int MaxDepth = 32;

    private const string Document = "(document)";

    /// <summary>
    /// The document's root mapping, or null when the text is not one readable mapping; every problem is appended to
    /// <paramref name="problems"/>. <paramref name="expected"/> says what the document should hold, for the messages
    /// on an empty file, a second document or a root that is not a mapping (e.g. "a scenario mapping (name, …)").
    /// </summary>
    public static YamlMapping? ReadMapping(string text, string expected, List<YamlProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(problems);
        if (text.Length > MaxCharacters)
        {
            problems.Add(new YamlProblem(Document, 0, $"the file is {text.Length} characters long, more than the {MaxCharacters} read; expected {expected}"));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var reader = new Reader(parser, problems);
        var problemsBefore = problems.Count;
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                problems.Add(new YamlProblem(Document, 1, $"the file is empty; expected {expected}"));
                return null;
            }

            var root = reader.ReadNode("", depth: 1);
            if (reader.Stopped)
            {
                return null;
            }

            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                problems.Add(new YamlProblem(Document, (int)parser.Current!.Start.Line, $"found a second document ('---'); expected {expected}"));
                return null;
            }

            if (root is not YamlMapping mapping)
            {
                problems.Add(new YamlProblem(Document, root.Line, $"expected {expected}, found {root.Describe()}"));
                return null;
            }

            return mapping;
        }
        catch (YamlException ex)
        {
            // What was read before a syntax error may be an artefact of it (a half-closed list); report the cause alone.
            problems.RemoveRange(problemsBefore, problems.Count - problemsBefore);
            problems.Add(new YamlProblem(Document, (int)ex.Start.Line, $"not valid YAML/JSON: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.Module.Assembly == typeof(Parser).Assembly)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken input (e.g. "a: [0\nb?: 1",
            // aaubry/YamlDotNet#541); it is still a syntax error in the file, not a fault of the loader.
            problems.RemoveRange(problemsBefore, problems.Count - problemsBefore);
            var line = Math.Max(1, (int)(parser.Current?.End.Line ?? 1));
            problems.Add(new YamlProblem(Document, line, "not valid YAML/JSON: cannot be read past this line (check brackets and quotes)"));
            return null;
        }
    }

    /// <summary>One reading: the parser, the anchors defined so far and where problems go.</summary>
    private sealed class Reader(IParser parser, List<YamlProblem> problems)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>Nesting went past <see cref="MaxDepth"/>: no more events are read and the document is refused.</summary>
        public bool Stopped { get; private set; }

        public YamlNode ReadNode(string path, int depth)
        {
            var line = (int)parser.Current!.Start.Line;
            if (parser.Current is MappingStart or SequenceStart && depth > MaxDepth)
            {
                StopTooDeep(path, line);
                return new YamlUnreadable(line);
            }

            YamlNode node;
            AnchorName anchor;
            switch (parser.Current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    anchor = scalar.Anchor;
                    node = new YamlScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, line);
                    break;
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        return target with { Line = line, Alias = alias.Value.Value };
                    }

                    problems.Add(new YamlProblem(Display(path), line, $"*{alias.Value.Value} does not name anything defined above"));
                    return new YamlUnreadable(line);
                case MappingStart start:
                    anchor = start.Anchor;
                    node = ReadMapping(path, depth);
                    break;
                case SequenceStart start:
                    anchor = start.Anchor;
                    node = ReadSequence(path, depth);
                    break;
                default:
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"unexpected {parser.Current.GetType().Name}");
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private YamlMapping ReadMapping(string path, int depth)
        {
            var line = (int)parser.Consume<MappingStart>().Start.Line;
            var entries = new List<YamlEntry>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            while (!Stopped && !parser.TryConsume<MappingEnd>(out _))
            {
                var keyLine = (int)parser.Current!.Start.Line;
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    problems.Add(new YamlProblem(Display(path), keyLine, "expected a field name, found a list or mapping used as a key"));
                    Skip(path, depth + 1);
                    Skip(path, depth + 1);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(key.Value))
                {
                    // A bare "?" or "": an error on an empty field name would name nothing; name the mapping instead.
                    problems.Add(new YamlProblem(Display(path), keyLine, "a field has no name"));
                    Skip(path, depth + 1);
                    continue;
                }

                var keyPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                if (firstLine.TryGetValue(key.Value, out var first))
                {
                    // Which of the two was meant is anyone's guess: report it and keep the first.
                    problems.Add(new YamlProblem(keyPath, keyLine, $"appears twice (first at line {first})"));
                    Skip(keyPath, depth + 1);
                    continue;
                }

                firstLine[key.Value] = keyLine;
                entries.Add(new YamlEntry(key.Value, keyLine, ReadNode(keyPath, depth + 1)));
            }

            return new YamlMapping(entries, line);
        }

        private YamlSequence ReadSequence(string path, int depth)
        {
            var line = (int)parser.Consume<SequenceStart>().Start.Line;
            var items = new List<YamlNode>();
            while (!Stopped && !parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode($"{path}[{items.Count}]", depth + 1));
            }

            return new YamlSequence(items, line);
        }

        /// <summary>
        /// Passes over the node that starts at level <paramref name="depth"/> unread (YamlDotNet's own skip would go on
        /// into any depth), stopping like <see cref="ReadNode"/> where it goes past <see cref="MaxDepth"/>.
        /// </summary>
        private void Skip(string path, int depth)
        {
            if (Stopped)
            {
                return;
            }

            var nesting = 0;
            do
            {
                var line = (int)parser.Current!.Start.Line;
                nesting += parser.Consume<ParsingEvent>().NestingIncrease;
                if (depth + nesting - 1 > MaxDepth)
                {
                    StopTooDeep(path, line);
                    return;
                }
            }
            while (nesting > 0);
        }

        private void StopTooDeep(string path, int line)
        {
            problems.Add(new YamlProblem(Display(path), line, $"is nested more than {MaxDepth} levels deep; the rest of the file is not read"));
            Stopped = true;
        }

        private static string Display(string path) => path.Length == 0 ? Document : path;
    }
}
