using HipecSafe.Hil.Scenarios;

namespace HipecSafe.Hil.Tests.Scenarios;

/// <summary>Scenario text for tests: a valid base document, and parsing with the errors kept.</summary>
internal static class ScenarioText
{
    /// <summary>A valid scenario; <paramref name="faults"/> and <paramref name="expect"/> replace the defaults (YAML at column 0).</summary>
    public static string Valid(string? faults = null, string? expect = null, string duration = "30m", string name = "test-scenario", int seed = 7) =>
        $"""
        name: {name}
        profile: default
        seed: {seed}
        duration: {duration}
        operator: auto
        {faults ?? "faults:\n  - at: { phase: ChemoPerfusion, after: 10m }\n    target: sensor/t_abdomen_1\n    kind: offset\n    params: { delta: 2.0 }"}
        {expect ?? "expect:\n  safe_state: required\n  within: 1s\n  hazard_logged: true\n  limits: { abdomen_max_c: 43.5 }"}
        """;

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Parse(string text, string source = "/tmp/hipecsafe-tests/scenario.yaml") =>
        ScenarioLoader.TryParse(text, source);

    public static Scenario Load(string text, string source = "/tmp/hipecsafe-tests/scenario.yaml")
    {
        var (scenario, errors) = Parse(text, source);
        return scenario ?? throw new InvalidOperationException("test scenario invalid: " + string.Join("; ", errors));
    }

    /// <summary>Line (1-based) of the first line of <paramref name="text"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
