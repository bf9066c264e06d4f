using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>
/// Regression: the pattern used \d, which .NET matches for every Unicode decimal digit, and double.Parse then threw
/// on them — so TryParse crashed (and with it the profile loader) instead of reporting the bad text.
/// </summary>
public class DurationTextDigitsTests
{
    [Theory]
    [InlineData("\u0669\u0660m")] // Arabic-Indic ٩٠m
    [InlineData("\uFF13\uFF10s")] // full-width ３０s
    [InlineData("1h\u0663\u0660m")] // 1h٣٠m
    [InlineData("\u0967\u0966\u0966ms")] // Devanagari १००ms
    public void Digits_from_other_scripts_are_refused_not_thrown(string text)
    {
        Assert.False(DurationText.TryParse(text, out var duration, out var error));
        Assert.Equal(Duration.Zero, duration);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DurationText.Parse(text));
    }
}
