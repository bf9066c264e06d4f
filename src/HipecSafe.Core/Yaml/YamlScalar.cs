namespace HipecSafe.Core.Yaml;

/// <summary>A single value as written (<paramref name="Quoted"/>: it was in quotes, so <c>null</c> or <c>~</c> is text).</summary>
public sealed record YamlScalar(string Value, bool Quoted, int Line) : YamlNode(Line)
{
    /// <summary>An empty, unquoted value (<c>key:</c> with nothing after it, <c>~</c>, <c>null</c>).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}
