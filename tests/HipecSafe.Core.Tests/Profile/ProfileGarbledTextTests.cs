using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// Broken text gets an error, never an exception. Regression: YamlDotNet's scanner throws InvalidOperationException
/// (not YamlException) on some input, e.g. an unclosed "[" followed by a key ending in "?", and it escaped the loader.
/// </summary>
public class ProfileGarbledTextTests
{
    [Theory]
    [InlineData("a: [0\nb?: 1\n")]
    [InlineData("a: [0\nb? : 1\n")]
    [InlineData("name: x\nabdominal:\n  target_c: [42\n  band_low_c? 41\n")]
    [Verifies("SRS-PR-002")]
    public void Text_that_trips_the_YAML_scanner_is_refused_as_invalid(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Null(profile);
        var error = Assert.Single(errors);
        Assert.Equal("(document)", error.Field);
        Assert.True(error.Line >= 1);
        Assert.StartsWith("not valid YAML/JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PR-002")]
    public void The_default_with_an_unclosed_list_and_a_stray_question_mark_is_refused()
    {
        var text = ProfileText.Default.With("abdominal.band_high_c", "[0")
            .Replace("reservoir_drop_ml:", "reservoir_drop_ml? :", StringComparison.Ordinal);

        var ex = Assert.Throws<ProfileException>(() => ProfileLoader.Parse(text, "garbled.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.StartsWith("not valid YAML/JSON: ", error.Message, StringComparison.Ordinal);
    }
}
