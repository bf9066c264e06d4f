namespace HipecSafe.Core.Yaml;

/// <summary>A node of a YAML (or JSON) document with the line it starts on, so every error can name where it is.</summary>
public abstract record YamlNode(int Line)
{
    /// <summary>
    /// The anchor this node was reached through (<c>*name</c>), or null where it is written out. An alias shares the
    /// anchored node (no copy of its contents) but carries the line of the alias, where a problem with it is.
    /// </summary>
    public string? Alias { get; init; }

    /// <summary>What the node is, for "expected a number, found a list" messages.</summary>
    public abstract string Describe();
}
