namespace HipecSafe.Hil.Scenarios.Yaml;

/// <summary>A node of a scenario document with the line it starts on, so every error can name where it is.</summary>
internal abstract record YamlNode(int Line)
{
    /// <summary>What the node is, for "expected a number, found a list" messages.</summary>
    public abstract string Describe();
}

/// <summary>A single value as written (<paramref name="Quoted"/>: it was in quotes, so <c>null</c> or <c>~</c> is text).</summary>
internal sealed record YamlScalar(string Value, bool Quoted, int Line) : YamlNode(Line)
{
    /// <summary>An empty, unquoted value (<c>key:</c> with nothing after it, <c>~</c>, <c>null</c>).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
internal sealed record YamlEntry(string Key, int KeyLine, YamlNode Value);

internal sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line) : YamlNode(Line)
{
    public override string Describe() => "a mapping";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line) : YamlNode(Line)
{
    public override string Describe() => "a list";
}
