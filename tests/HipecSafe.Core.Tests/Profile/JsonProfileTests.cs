using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>A profile written as JSON is read like the YAML one, with the same checks and line numbers.</summary>
public class JsonProfileTests
{
    /// <summary>default-profile.yaml written as JSON by hand.</summary>
    internal const string DefaultAsJson = """
        {
          "name": "default",
          "abdominal": {
            "target_c": 42.0,
            "band_low_c": 41.0,
            "band_high_c": 43.0
          },
          "inflow": {
            "target_c": 43.0,
            "setpoint_min_c": 41.0,
            "setpoint_max_c": 44.0
          },
          "flow": {
            "target_l_per_min": 2.0,
            "tubing_ml_per_rev": 40
          },
          "durations": {
            "priming_min": "30s",
            "chemo": "90m",
            "washout": "10m",
            "draining": "5m"
          },
          "drug_addition_min_abdominal_c": 40.0,
          "leak_check": {
            "steady_within_ml": 50,
            "steady_for": "60s"
          },
          "alarm_limits": {
            "inflow_high_c": 45.0,
            "abdominal_high_c": 43.5,
            "core_warning_c": 39.5,
            "core_high_c": 40.0,
            "inflow_disagreement_c": 0.3,
            "inflow_disagreement_for": "2s",
            "line_pressure_high_mmhg": 300,
            "line_pressure_for": "500ms",
            "reservoir_low_ml": 600,
            "reservoir_critical_ml": 300,
            "reservoir_drop_ml": 300,
            "flow_deviation_percent": 10,
            "flow_deviation_for": "10s",
            "sample_stale_after": "300ms",
            "bus_failures_for_fault": 3
          }
        }
        """;

    private static int JsonLineOf(string json, string needle) =>
        Array.FindIndex(ProfileText.Lines(json), l => l.Contains(needle, StringComparison.Ordinal)) + 1;

    [Fact]
    [Verifies("SRS-PR-001", "SRS-PR-002")]
    public void The_default_written_as_JSON_loads_identically()
    {
        var (profile, errors) = ProfileLoader.TryParse(DefaultAsJson);

        Assert.Empty(errors);
        Assert.Equal(ProfileLoader.EmbeddedDefault, profile);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Tab_indented_and_single_line_JSON_load_too()
    {
        var tabs = DefaultAsJson.Replace("  ", "\t", StringComparison.Ordinal);
        var oneLine = string.Concat(ProfileText.Lines(DefaultAsJson).Select(l => l.Trim()));

        Assert.Equal(ProfileLoader.EmbeddedDefault, ProfileLoader.Parse(tabs, "tabs.json"));
        Assert.Equal(ProfileLoader.EmbeddedDefault, ProfileLoader.Parse(oneLine, "one-line.json"));
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-PR-003")]
    public void JSON_errors_name_field_line_value_and_bound()
    {
        var json = DefaultAsJson
            .Replace("\"core_high_c\": 40.0", "\"core_high_c\": 40.1", StringComparison.Ordinal)
            .Replace("\"chemo\": \"90m\"", "\"chemo\": 90", StringComparison.Ordinal)
            .Replace("\"tubing_ml_per_rev\": 40", "\"tubing_ml_per_rev\": 40, \"tubing_colour\": \"red\"", StringComparison.Ordinal);

        var (profile, errors) = ProfileLoader.TryParse(json);

        Assert.Null(profile);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Field == "alarm_limits.core_high_c" && e.Line == JsonLineOf(json, "\"core_high_c\"")
                                     && e.Message == "40.1 °C exceeds the hard bound 40 °C (no profile may set it higher)");
        Assert.Contains(errors, e => e.Field == "durations.chemo" && e.Line == JsonLineOf(json, "\"chemo\"")
                                     && e.Message.Contains("'90' is not a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "flow.tubing_colour" && e.Line == JsonLineOf(json, "\"tubing_colour\"")
                                     && e.Message.Contains("unknown field", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void JSON_with_a_missing_field_is_refused()
    {
        var json = DefaultAsJson.Replace("    \"reservoir_drop_ml\": 300,\n", "", StringComparison.Ordinal);
        Assert.NotEqual(DefaultAsJson, json);

        var error = Assert.Single(ProfileLoader.TryParse(json).Errors);

        Assert.Equal("alarm_limits.reservoir_drop_ml", error.Field);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Broken_JSON_is_refused_with_its_line()
    {
        var json = DefaultAsJson.Replace("\"band_low_c\": 41.0,", "\"band_low_c\": 41.0,,", StringComparison.Ordinal);

        var error = Assert.Single(ProfileLoader.TryParse(json).Errors);

        Assert.Equal("(document)", error.Field);
        Assert.Equal(JsonLineOf(json, "band_low_c"), error.Line);
    }
}
