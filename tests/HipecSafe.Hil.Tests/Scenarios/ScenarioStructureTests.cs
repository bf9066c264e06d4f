using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

/// <summary>
/// Scenario files go through the same YAML reader as profiles, with its protections: broken or hostile text is an
/// error naming field and line, never an exception, and one problem is reported once.
/// </summary>
public class ScenarioStructureTests
{
    [Theory]
    [InlineData("name: x\nfaults: [0\nb?: 1\n")]
    [InlineData("name: x\nfaults: [0\nb? : 1\n")]
    [Verifies("SRS-SC-001")]
    public void Text_that_trips_the_YAML_scanner_is_an_error_not_an_exception(string text)
    {
        // Regression: YamlDotNet's scanner throws InvalidOperationException here, and it escaped the scenario loader.
        var (scenario, errors) = ScenarioText.Parse(text);

        Assert.Null(scenario);
        var error = Assert.Single(errors);
        Assert.Equal("(document)", error.Field);
        Assert.True(error.Line >= 1, error.ToString());
        Assert.StartsWith("not valid YAML/JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void An_alias_to_nothing_is_reported_on_its_field_once_not_also_as_missing()
    {
        var text = ScenarioText.Valid().Replace("seed: 7", "seed: *nowhere", StringComparison.Ordinal);

        var error = Assert.Single(ScenarioText.Parse(text).Errors);

        Assert.Equal(new ScenarioError("seed", ScenarioText.LineOf(text, "seed:"), "*nowhere does not name anything defined above"), error);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void Parameters_shared_through_an_anchor_load_for_both_faults()
    {
        var s = ScenarioText.Load(ScenarioText.Valid(faults: """
            faults:
              - at: 1m
                target: sensor/t_abdomen_1
                kind: offset
                params: &shift { delta: 2.0 }
              - at: 2m
                target: sensor/t_abdomen_2
                kind: offset
                params: *shift
            """));

        Assert.Equal(new SensorChannelFault(SensorChannel.Abdomen1, new SensorOffset(2.0)), s.Faults[0].Action);
        Assert.Equal(new SensorChannelFault(SensorChannel.Abdomen2, new SensorOffset(2.0)), s.Faults[1].Action);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void A_file_nested_a_hundred_thousand_levels_deep_is_refused_with_one_error()
    {
        var text = "name: x\nfaults: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Assert.Single(ScenarioText.Parse(text).Errors);

        Assert.Equal(2, error.Line);
        Assert.StartsWith("faults[0]", error.Field, StringComparison.Ordinal);
        Assert.Equal("is nested more than 32 levels deep; the rest of the file is not read", error.Message);
    }
}
