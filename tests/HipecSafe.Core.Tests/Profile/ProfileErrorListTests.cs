using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// The error list holds exactly the problems in the file: a missing or unreadable field is reported once, on its own
/// line, and not again as a cross-field error against a value that does not exist. Regression: the loader used to
/// compare the placeholder NaN, adding e.g. "abdominal.band_low_c: 41.00 °C must be at most abdominal.target_c (NaN °C)".
/// </summary>
public class ProfileErrorListTests
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
    [Verifies("SRS-PR-002")]
    public void A_missing_field_is_the_only_error(string path)
    {
        var error = Assert.Single(Refused(Default.Without(path)));

        Assert.Equal(path, error.Field);
        Assert.Equal(0, error.Line);
        Assert.Equal($"{path}: required field is missing", error.ToString());
    }

    [Theory]
    [MemberData(nameof(ProfileFieldBounds.Paths), MemberType = typeof(ProfileFieldBounds))]
    [Verifies("SRS-PR-002")]
    public void An_unreadable_value_is_the_only_error(string path)
    {
        var text = Default.With(path, "lots");

        var error = Assert.Single(Refused(text));

        Assert.Equal(path, error.Field);
        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        Assert.Contains("'lots' is not a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void No_error_mentions_NaN()
    {
        var text = ProfileFieldBounds.All.Aggregate(Default, (t, f) => t.With(f.Path, "unknown"));

        var errors = Refused(text);

        Assert.Equal(ProfileFieldBounds.All.Count, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message.Contains("NaN", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void A_misspelt_field_is_reported_as_unknown_and_the_real_one_as_missing()
    {
        var line = ProfileText.LineOf(Default, "alarm_limits.core_high_c");
        var text = string.Join("\n", ProfileText.Lines(Default).Select((l, i) => i == line - 1 ? l.Replace("core_high_c", "core_hihg_c", StringComparison.Ordinal) : l));

        var errors = Refused(text);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Field == "alarm_limits.core_hihg_c" && e.Line == line && e.Message.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "alarm_limits.core_high_c" && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void Every_problem_in_a_file_is_listed_at_once()
    {
        var text = Default
            .With("abdominal.target_c", "forty-two")
            .With("flow.target_l_per_min", "3.5")
            .With("durations.chemo", "90")
            .With("alarm_limits.core_high_c", "40.2")
            .Without("alarm_limits.reservoir_drop_ml");
        text = text.WithLineAt(ProfileText.LineOf(text, "durations.washout"), "  cooling: 5m");

        var errors = Refused(text);

        Assert.Collection(errors.OrderBy(e => e.Field, StringComparer.Ordinal),
            e => Assert.Equal(("abdominal.target_c", ProfileText.LineOf(text, "abdominal.target_c")), (e.Field, e.Line)),
            e => Assert.Equal(("alarm_limits.core_high_c", ProfileText.LineOf(text, "alarm_limits.core_high_c")), (e.Field, e.Line)),
            e => Assert.Equal("alarm_limits.reservoir_drop_ml", e.Field),
            e => Assert.Equal(("durations.chemo", ProfileText.LineOf(text, "durations.chemo")), (e.Field, e.Line)),
            e => Assert.Equal(("durations.cooling", ProfileText.LineOf(text, "durations.cooling")), (e.Field, e.Line)),
            e => Assert.Equal(("flow.target_l_per_min", ProfileText.LineOf(text, "flow.target_l_per_min")), (e.Field, e.Line)));
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void An_absurdly_long_duration_is_named_as_written()
    {
        // Regression: it used to be accepted by the duration parser and shown as "2562047788015h12m55s807ms" (a
        // saturated conversion), not as the value in the file.
        var text = Default.With("durations.chemo", "99999999999999999999h");

        var error = Assert.Single(Refused(text));

        Assert.Equal("durations.chemo", error.Field);
        Assert.Equal(ProfileText.LineOf(text, "durations.chemo"), error.Line);
        Assert.Contains("'99999999999999999999h'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2562047788015h", error.Message, StringComparison.Ordinal);
    }
}
