namespace HipecSafe.Core.Yaml;

/// <summary>The entries of a mapping in the order written; a duplicated key keeps only its first entry.</summary>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line) : YamlNode(Line)
{
    public override string Describe() => "a mapping";
}
