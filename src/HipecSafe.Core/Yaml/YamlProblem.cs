namespace HipecSafe.Core.Yaml;

/// <summary>
/// A structural problem found while reading a document: the dotted path of the field (<c>faults[0].at</c>;
/// <c>(document)</c> for the whole text), its line (0 when no line applies) and what is wrong.
/// </summary>
public sealed record YamlProblem(string Field, int Line, string Message);
