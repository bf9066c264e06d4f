using System.Text.RegularExpressions;
using HipecSafe.Core.Profile;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// Builds test profiles by editing the embedded default's text, line by line, so every test starts from the file
/// that ships and changes exactly what it names. Fields are addressed by the loader's dotted paths.
/// </summary>
internal static partial class ProfileText
{
    public static string Default => ProfileLoader.EmbeddedDefaultText;

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*):\s*(?:#.*)?$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[A-Za-z_][A-Za-z0-9_]*):(?<gap>\s*)(?<value>[^#\s](?:[^#]*[^#\s])?)(?<rest>\s*(?:#.*)?)$")]
    private static partial Regex FieldLine();

    /// <summary>Every field of the profile as a dotted path, in file order.</summary>
    public static IReadOnlyList<string> FieldPaths(string yaml) => Fields(yaml).Select(f => f.Path).ToList();

    /// <summary>The value written for <paramref name="path"/>.</summary>
    public static string ValueOf(string yaml, string path) => FieldLine().Match(Lines(yaml)[IndexOf(yaml, path)]).Groups["value"].Value;

    /// <summary>1-based line of <paramref name="path"/>.</summary>
    public static int LineOf(string yaml, string path) => IndexOf(yaml, path) + 1;

    /// <summary>The text with <paramref name="path"/>'s value replaced (its comment kept).</summary>
    public static string With(this string yaml, string path, string value)
    {
        var lines = Lines(yaml);
        var i = IndexOf(yaml, path);
        var m = FieldLine().Match(lines[i]);
        lines[i] = $"{m.Groups["indent"].Value}{m.Groups["key"].Value}: {value}{m.Groups["rest"].Value}";
        return Join(lines);
    }

    /// <summary>The text without <paramref name="path"/>'s line.</summary>
    public static string Without(this string yaml, string path)
    {
        var lines = Lines(yaml).ToList();
        lines.RemoveAt(IndexOf(yaml, path));
        return Join(lines);
    }

    /// <summary>The text with <paramref name="line"/> inserted so that it becomes line <paramref name="lineNumber"/>.</summary>
    public static string WithLineAt(this string yaml, int lineNumber, string line)
    {
        var lines = Lines(yaml).ToList();
        lines.Insert(lineNumber - 1, line);
        return Join(lines);
    }

    public static string[] Lines(string yaml) => yaml.ReplaceLineEndings("\n").Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines);

    private static int IndexOf(string yaml, string path) =>
        Fields(yaml).FirstOrDefault(f => f.Path == path) is { Path: not null } f
            ? f.Index
            : throw new ArgumentException($"no field '{path}' in the profile text", nameof(path));

    private static IEnumerable<(string Path, int Index)> Fields(string yaml)
    {
        var section = "";
        var lines = Lines(yaml);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (SectionLine().Match(line) is { Success: true } s)
            {
                section = s.Groups["key"].Value + ".";
                continue;
            }

            if (FieldLine().Match(line) is not { Success: true } f)
            {
                continue;
            }

            if (f.Groups["indent"].Length == 0)
            {
                section = "";
            }

            yield return (section + f.Groups["key"].Value, i);
        }
    }
}
