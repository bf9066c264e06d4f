using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Reads one of the trace inputs (requirements, scenario trace, hazard × phase table) into its DTO: a file that is not
/// valid YAML or does not fit the DTO becomes one collected problem with its line, never an exception, so the trace
/// check reports every broken file at once.
/// </summary>
internal static class TraceYaml
{
    private static readonly IDeserializer Deserializer =
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>The document as <typeparamref name="T"/>; null (with a problem naming <paramref name="what"/>) when unreadable.</summary>
    public static T? Read<T>(string fileName, string yamlText, string what, ICollection<string> problems)
        where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(yamlText);
        }
        catch (YamlException ex)
        {
            problems.Add($"{fileName} (line {ex.Start.Line}): not a valid {what}: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
    }
}
