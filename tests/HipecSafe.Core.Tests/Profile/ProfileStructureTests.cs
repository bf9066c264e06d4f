using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// A key written twice or a list where a value belongs is reported on its field and line, and the rest of the file is
/// still checked. Regression: YamlDotNet's representation model threw on the duplicate, so the loader reported only
/// "(document): not valid YAML/JSON: Duplicate key core_high_c"; a list stopped the check the same way.
/// </summary>
public class ProfileStructureTests
{
    private static readonly string Default = ProfileText.Default;

    private static IReadOnlyList<ProfileError> Refused(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);
        Assert.Null(profile);
        Assert.NotEmpty(errors);
        return errors;
    }

    [Theory]
    [InlineData("45.0")]
    [InlineData("40.0")]
    [Verifies("SRS-PR-002")]
    public void A_duplicated_field_is_named_by_its_path_with_both_lines(string secondValue)
    {
        var first = ProfileText.LineOf(Default, "alarm_limits.core_high_c");
        var text = Default.WithLineAt(first + 1, "  core_high_c: " + secondValue);

        var error = Assert.Single(Refused(text));

        Assert.Equal("alarm_limits.core_high_c", error.Field);
        Assert.Equal(first + 1, error.Line);
        Assert.Equal($"appears twice (first at line {first})", error.Message);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_duplicated_field_does_not_hide_the_other_problems()
    {
        var first = ProfileText.LineOf(Default, "alarm_limits.core_high_c");
        var text = Default.WithLineAt(first + 1, "  core_high_c: 45.0").With("flow.target_l_per_min", "9");

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Field == "alarm_limits.core_high_c" && e.Line == first + 1);
        Assert.Contains(errors, e => e.Field == "flow.target_l_per_min" && e.Line == ProfileText.LineOf(text, "flow.target_l_per_min")
                                     && e.Message.Contains("exceeds the hard bound 3 L/min", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_duplicated_section_is_named_once_and_the_rest_still_checked()
    {
        var text = (Default.TrimEnd() + "\nabdominal:\n  target_c: 43.0\n  band_low_c: 41.0").With("durations.chemo", "3h");
        var sectionLine = Array.IndexOf(ProfileText.Lines(text), "abdominal:") + 1;
        var secondSectionLine = Array.LastIndexOf(ProfileText.Lines(text), "abdominal:") + 1;

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Field == "abdominal" && e.Line == secondSectionLine
                                     && e.Message == $"appears twice (first at line {sectionLine})");
        Assert.Contains(errors, e => e.Field == "durations.chemo" && e.Message.Contains("hard bound", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_list_is_reported_once_on_its_field_and_does_not_hide_the_other_problems()
    {
        var text = Default.With("abdominal.target_c", "[42.0, 42.5]").With("flow.target_l_per_min", "9");

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Field == "abdominal.target_c" && e.Line == ProfileText.LineOf(Default, "abdominal.target_c")
                                     && e.Message == "expected a single value, found a list");
        Assert.Contains(errors, e => e.Field == "flow.target_l_per_min" && e.Message.Contains("hard bound", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_duplicated_JSON_key_is_named_by_its_path_and_line()
    {
        var json = JsonProfileTests.DefaultAsJson.Replace(
            "\"core_high_c\": 40.0,", "\"core_high_c\": 40.0,\n    \"core_high_c\": 39.8,", StringComparison.Ordinal);
        var lines = ProfileText.Lines(json);
        var first = Array.FindIndex(lines, l => l.Contains("\"core_high_c\"", StringComparison.Ordinal)) + 1;

        var error = Assert.Single(Refused(json));

        Assert.Equal("alarm_limits.core_high_c", error.Field);
        Assert.Equal(first + 1, error.Line);
        Assert.Equal($"appears twice (first at line {first})", error.Message);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Values_shared_through_a_YAML_anchor_still_load()
    {
        var text = Default.With("abdominal.band_high_c", "&top 43.0").With("alarm_limits.abdominal_high_c", "43.5")
            .With("drug_addition_min_abdominal_c", "40.0").With("inflow.target_c", "*top");

        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Empty(errors);
        Assert.Equal(43.0, profile!.InflowTarget.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_list_used_as_a_key_is_refused_and_the_rest_still_checked()
    {
        var text = Default.TrimEnd() + "\n? [a, b]\n: 1\n";
        text = text.With("alarm_limits.core_high_c", "41");
        var keyLine = Array.IndexOf(ProfileText.Lines(text), "? [a, b]") + 1;

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Field == "(document)" && e.Line == keyLine && e.Message.Contains("expected a field name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "alarm_limits.core_high_c" && e.Message.Contains("hard bound", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*abd", "*abd does not name a single value defined above")]
    [InlineData("*nowhere", "*nowhere does not name anything defined above")]
    [Verifies("SRS-PR-002")]
    public void An_alias_to_a_section_or_to_nothing_is_refused_on_its_field(string alias, string message)
    {
        var text = Default.Replace("\nabdominal:\n", "\nabdominal: &abd\n", StringComparison.Ordinal).TrimEnd() + "\ncopy: " + alias;

        var error = Assert.Single(Refused(text));

        Assert.Equal("copy", error.Field);
        Assert.Equal(ProfileText.Lines(text).Length, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("? \n", "(document)")]
    [InlineData("\"\": 5\n", "(document)")]
    [InlineData("extra:\n  ? \n", "extra")]
    [Verifies("SRS-PR-002")]
    public void A_field_without_a_name_is_reported_on_its_section_and_line(string appended, string field)
    {
        var text = Default.TrimEnd() + "\n" + appended;
        var line = ProfileText.Lines(Default.TrimEnd()).Length + ProfileText.Lines(appended.TrimEnd()).Length;

        var error = Assert.Single(Refused(text));

        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Line);
        Assert.Equal("a field has no name", error.Message);
    }
}
