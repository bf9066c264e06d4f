namespace HipecSafe.Core.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping, with the line of its key.</summary>
public sealed record YamlEntry(string Key, int KeyLine, YamlNode Value);
