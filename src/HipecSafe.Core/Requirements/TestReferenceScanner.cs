using System.Text.RegularExpressions;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Finds <c>[Verifies("SRS-..", ...)]</c> attributes in C# test source and the method each one marks. Reading the
/// source (not the compiled assembly) lets the trace check run without building the tests.
/// </summary>
public static partial class TestReferenceScanner
{
    [GeneratedRegex(@"(?:\[|,)\s*(?:HipecSafe\.TestSupport\.)?Verifies(?:Attribute)?\s*\((?<args>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex("\"(?<id>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"^\s*(?:public|internal|private|protected)?\s*(?:static\s+)?(?:async\s+)?(?:void|Task|[\w<>\[\],? ]+)\s+(?<name>\w+)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"^\s*(?:public\s+|internal\s+)?(?:sealed\s+)?(?:static\s+)?class\s+(?<name>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ClassPattern();

    public static IEnumerable<TestReference> Scan(string file, string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match attribute in AttributePattern().Matches(lines[i]))
            {
                var name = MarkedMember(lines, i);
                foreach (Match id in StringPattern().Matches(attribute.Groups["args"].Value))
                {
                    yield return new TestReference(id.Groups["id"].Value, name, file, i + 1);
                }
            }
        }
    }

    /// <summary>The method (or class) declared at or after the attribute's line.</summary>
    private static string MarkedMember(string[] lines, int attributeLine)
    {
        for (var j = attributeLine; j < Math.Min(lines.Length, attributeLine + 12); j++)
        {
            var text = AttributePattern().Replace(lines[j], "");
            if (text.TrimStart().StartsWith('[') || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ClassPattern().Match(text) is { Success: true } c)
            {
                return c.Groups["name"].Value;
            }

            if (MethodPattern().Match(text) is { Success: true } m)
            {
                return m.Groups["name"].Value;
            }
        }

        return $"(line {attributeLine + 1})";
    }
}
