using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500L)]
    [InlineData("30s", 30_000L)]
    [InlineData("10m", 600_000L)]
    [InlineData("1h30m", 5_400_000L)]
    [InlineData("1m30s", 90_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1h2m3s4ms", 3_723_004L)]
    [InlineData("1m500ms", 60_500L)]
    [InlineData("1.5h", 5_400_000L)]
    [InlineData("0.5s", 500L)]
    [InlineData("90m", 5_400_000L)]
    [InlineData("0s", 0L)]
    [InlineData("  30s ", 30_000L)]
    public void Parses_the_profile_syntax(string text, long expectedMilliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out var error), error);
        Assert.Equal("", error);
        Assert.Equal(expectedMilliseconds, duration.Milliseconds, 1e-6);
        Assert.Equal(duration, DurationText.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("90")]
    [InlineData("10x")]
    [InlineData("m")]
    [InlineData("1s1h")]
    [InlineData("30s10m")]
    [InlineData("1m1m")]
    [InlineData("-5s")]
    [InlineData("1 h")]
    [InlineData("1,5h")]
    [InlineData("5 min")]
    [InlineData("1e3ms")]
    [InlineData("h30m")]
    [InlineData(".5s")]
    public void Refuses_text_that_is_not_a_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out var duration, out var error));
        Assert.Equal(Duration.Zero, duration);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains("500ms, 30s, 10m or 1h30m", error, StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => DurationText.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Refuses_null()
    {
        Assert.False(DurationText.TryParse(null, out _, out var error));
        Assert.Contains("not a duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(500L, "500ms")]
    [InlineData(30_000L, "30s")]
    [InlineData(600_000L, "10m")]
    [InlineData(5_400_000L, "1h30m")]
    [InlineData(90_000L, "1m30s")]
    [InlineData(7_200_000L, "2h")]
    [InlineData(3_723_004L, "1h2m3s4ms")]
    [InlineData(360_000_000L, "100h")]
    public void Formats_the_shortest_exact_text(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(Duration.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Format_rounds_to_whole_milliseconds()
    {
        Assert.Equal("1s", DurationText.Format(Duration.FromMilliseconds(999.6)));
        Assert.Equal("0s", DurationText.Format(Duration.FromMilliseconds(0.4)));
    }

    [Theory]
    [InlineData("99999999999999999999h")]
    [InlineData("300000000h")]
    [InlineData("1e400")]
    public void Refuses_a_duration_longer_than_any_clock_can_hold(string text)
    {
        var huge = text == "1e400" ? new string('9', 400) + "h" : text;

        Assert.False(DurationText.TryParse(huge, out var duration, out var error));
        Assert.Equal(Duration.Zero, duration);
        Assert.Contains($"'{huge}'", error, StringComparison.Ordinal);
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_longest_duration_a_TimeSpan_holds()
    {
        Assert.True(DurationText.TryParse("2562047h", out var duration, out _));
        Assert.Equal(TimeSpan.FromHours(2562047), duration.ToTimeSpan());
        Assert.Equal("2562047h", DurationText.Format(duration));
    }

    [Theory]
    [InlineData(-90_000L, "-1m30s")]
    [InlineData(-500L, "-500ms")]
    [InlineData(-5_400_250L, "-1h30m250ms")]
    public void Formats_a_negative_duration_with_one_leading_sign(long milliseconds, string expected)
    {
        // Regression: each unit carried its own sign, "-1m-30s".
        Assert.Equal(expected, DurationText.Format(Duration.FromMilliseconds(milliseconds)));
        Assert.False(DurationText.TryParse(expected, out _, out _));
    }

    [Fact]
    public void Formats_the_most_negative_duration_without_looping()
    {
        Assert.StartsWith("-", DurationText.Format(Duration.FromHours(-1e20)), StringComparison.Ordinal);
    }
}
