using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>A bad profile file is refused with errors that name field, line, value and bound — all of them at once.</summary>
public class ProfileErrorTests
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
    [MemberData(nameof(ProfileFieldBounds.Paths), MemberType = typeof(ProfileFieldBounds))]
    [InlineData("name")]
    [Verifies("SRS-PR-002")]
    public void A_missing_field_is_named(string path)
    {
        var error = Assert.Single(Refused(Default.Without(path)), e => e.Field == path);

        Assert.Equal(path, error.Field);
        Assert.Contains("required field is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void An_empty_name_is_refused()
    {
        var error = Assert.Single(Refused(Default.With("name", "''")));

        Assert.Equal("name", error.Field);
        Assert.Contains("missing or empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void An_unknown_field_is_named_with_its_line()
    {
        var abdominalLine = Array.IndexOf(ProfileText.Lines(Default), "abdominal:") + 1;
        var text = Default.WithLineAt(abdominalLine + 1, "  targte_c: 42.0");

        var error = Assert.Single(Refused(text));

        Assert.Equal("abdominal.targte_c", error.Field);
        Assert.Equal(abdominalLine + 1, error.Line);
        Assert.Contains("unknown field", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"abdominal.targte_c (line {abdominalLine + 1}): unknown field", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Unknown_top_level_fields_and_sections_are_named_with_their_lines()
    {
        var lineCount = ProfileText.Lines(Default).Length;
        var text = Default.TrimEnd() + "\ncolour: blue\nextras:\n  heater_boost: 1\n";

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e is { Field: "colour" } && e.Line == lineCount + (Default.EndsWith('\n') ? 0 : 1));
        Assert.Contains(errors, e => e.Field == "extras.heater_boost" && e.Line == errors.Single(x => x.Field == "colour").Line + 2);
    }

    [Theory]
    [InlineData("abdominal.target_c", "forty-two", "°C")]
    [InlineData("abdominal.target_c", "42,0", "°C")]
    [InlineData("abdominal.target_c", "42 °C", "°C")]
    [InlineData("alarm_limits.core_high_c", "NaN", "°C")]
    [InlineData("alarm_limits.core_high_c", ".inf", "°C")]
    [InlineData("alarm_limits.core_high_c", "1e400", "°C")]
    [InlineData("flow.target_l_per_min", "two", "L/min")]
    [InlineData("alarm_limits.reservoir_low_ml", "0x258", "mL")]
    [InlineData("alarm_limits.line_pressure_high_mmhg", "''", "mmHg")]
    [Verifies("SRS-PR-002")]
    public void A_value_that_is_not_a_number_is_named_with_field_line_and_unit(string path, string value, string unit)
    {
        var text = Default.With(path, value);

        var error = Assert.Single(Refused(text), e => e.Field == path);

        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        var shown = value == "''" ? "" : value;
        Assert.Equal($"'{shown}' is not a number (expected {unit})", error.Message);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_fraction_where_a_whole_number_is_needed_is_refused()
    {
        var text = Default.With("alarm_limits.bus_failures_for_fault", "2.5");

        var error = Assert.Single(Refused(text));

        Assert.Equal("alarm_limits.bus_failures_for_fault", error.Field);
        Assert.Equal(ProfileText.LineOf(text, "alarm_limits.bus_failures_for_fault"), error.Line);
        Assert.Contains("2.5 must be a whole number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("durations.chemo", "90")]
    [InlineData("durations.chemo", "90 minutes")]
    [InlineData("durations.chemo", "1s1h")]
    [InlineData("durations.washout", "10x")]
    [InlineData("alarm_limits.sample_stale_after", "0.3")]
    [InlineData("alarm_limits.line_pressure_for", "-500ms")]
    [Verifies("SRS-PR-002")]
    public void A_value_that_is_not_a_duration_is_named_with_field_line_and_value(string path, string value)
    {
        var text = Default.With(path, value);

        var error = Assert.Single(Refused(text));

        Assert.Equal(path, error.Field);
        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        Assert.Contains($"'{value}' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abdominal:\n  target_c: [42\n")]
    [InlineData("name: default\nabdominal:\n  target_c: 42.0\n band_low_c: 41.0\n")]
    [InlineData("name: \"default\n")]
    [InlineData("{\"name\": \"default\",")]
    [Verifies("SRS-PR-002")]
    public void Text_that_is_not_YAML_is_refused_with_a_line(string text)
    {
        var error = Assert.Single(Refused(text));

        Assert.Equal("(document)", error.Field);
        Assert.True(error.Line > 0, error.ToString());
        Assert.StartsWith("not valid YAML/JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some words")]
    [InlineData("- 42.0\n- 43.0\n")]
    [InlineData("name: a\n---\nname: b\n")]
    [Verifies("SRS-PR-002")]
    public void A_document_that_is_not_one_mapping_is_refused(string text)
    {
        var error = Assert.Single(Refused(text));

        Assert.Equal("(document)", error.Field);
        Assert.Contains("expected exactly one mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_list_where_a_value_belongs_is_refused()
    {
        var text = Default.With("abdominal.target_c", "[42.0, 42.5]");

        var errors = Refused(text);

        Assert.Contains(errors, e => e.Field == "abdominal.target_c" && e.Line == ProfileText.LineOf(Default, "abdominal.target_c")
                                     && e.Message.Contains("found a list", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_key_written_twice_in_a_section_is_refused_naming_the_key_and_line()
    {
        var line = ProfileText.LineOf(Default, "alarm_limits.core_high_c");
        var text = Default.WithLineAt(line + 1, "  core_high_c: 45.0");

        var errors = Refused(text);

        var error = Assert.Single(errors);
        Assert.Equal(line + 1, error.Line);
        Assert.Contains("core_high_c", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_section_written_twice_is_refused()
    {
        var text = Default.TrimEnd() + "\nabdominal:\n  target_c: 43.0\n";

        var error = Assert.Single(Refused(text));

        Assert.Contains("abdominal", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_dotted_key_colliding_with_a_nested_field_is_refused_as_appearing_twice()
    {
        var text = Default.TrimEnd() + "\nabdominal.target_c: 44.0";
        var lastLine = ProfileText.Lines(text).Length;

        var error = Assert.Single(Refused(text));

        Assert.Equal("abdominal.target_c", error.Field);
        Assert.Equal(lastLine, error.Line);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Parse_throws_one_exception_naming_the_source_and_listing_every_error()
    {
        var text = Default.With("alarm_limits.core_high_c", "40.1").With("durations.chemo", "121m");

        var ex = Assert.Throws<ProfileException>(() => ProfileLoader.Parse(text, "theatre-3.yaml"));

        Assert.Equal("theatre-3.yaml", ex.Source);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("profile 'theatre-3.yaml' is invalid", ex.Message, StringComparison.Ordinal);
        Assert.All(ex.Errors, e => Assert.Contains(e.ToString(), ex.Message, StringComparison.Ordinal));
        Assert.Contains($"alarm_limits.core_high_c (line {ProfileText.LineOf(text, "alarm_limits.core_high_c")}): 40.1 °C exceeds the hard bound 40 °C",
            ex.Message, StringComparison.Ordinal);
        Assert.Contains($"durations.chemo (line {ProfileText.LineOf(text, "durations.chemo")}): 2h1m exceeds the hard bound 2h",
            ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_without_a_line_prints_without_one()
    {
        Assert.Equal("flow.target_l_per_min: required field is missing", new ProfileError("flow.target_l_per_min", 0, "required field is missing").ToString());
        Assert.Equal("flow.target_l_per_min (line 12): x", new ProfileError("flow.target_l_per_min", 12, "x").ToString());
    }
}
