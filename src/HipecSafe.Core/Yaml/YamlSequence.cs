namespace HipecSafe.Core.Yaml;

/// <summary>The items of a list in the order written.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line) : YamlNode(Line)
{
    public override string Describe() => "a list";
}
