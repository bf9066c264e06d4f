namespace HipecSafe.Core.Yaml;

/// <summary>
/// Stands where a value could not be read (an alias to nothing, nesting past the limit). The reader has already
/// reported why, so a consumer passes over it without a second error such as "is required"; it keeps its place so
/// the items after it in a list keep their indices.
/// </summary>
public sealed record YamlUnreadable(int Line) : YamlNode(Line)
{
    public override string Describe() => "a value that could not be read";
}
