using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class DurationTests
{
    [Fact]
    public void Units_convert_into_each_other()
    {
        var ninetyMinutes = Duration.FromMinutes(90);

        Assert.Equal(5400.0, ninetyMinutes.Seconds, 1e-9);
        Assert.Equal(5_400_000.0, ninetyMinutes.Milliseconds, 1e-6);
        Assert.Equal(1.5, ninetyMinutes.Hours, 1e-12);
        Assert.Equal(90.0, Duration.FromHours(1.5).Minutes, 1e-12);
        Assert.Equal(0.5, Duration.FromMilliseconds(500).Seconds, 1e-15);
        Assert.Equal(2.0, Duration.FromSeconds(120).Minutes, 1e-12);
        Assert.Equal(Duration.FromMinutes(90), Duration.FromHours(1.5));
        Assert.Equal(Duration.FromSeconds(0.5), Duration.FromMilliseconds(500));
    }

    [Theory]
    [InlineData(0, 0, 0, 500)]
    [InlineData(0, 0, 30, 0)]
    [InlineData(0, 10, 0, 0)]
    [InlineData(1, 30, 0, 0)]
    [InlineData(26, 59, 59, 999)]
    public void TimeSpan_round_trips(int hours, int minutes, int seconds, int milliseconds)
    {
        var span = new TimeSpan(0, hours, minutes, seconds, milliseconds);

        var duration = Duration.FromTimeSpan(span);

        Assert.Equal(span.TotalMilliseconds, duration.Milliseconds, 1e-6);
        Assert.Equal(span, duration.ToTimeSpan());
    }

    [Fact]
    public void ToTimeSpan_matches_each_unit()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), Duration.FromMilliseconds(300).ToTimeSpan());
        Assert.Equal(TimeSpan.FromSeconds(30), Duration.FromSeconds(30).ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(90), Duration.FromMinutes(90).ToTimeSpan());
        Assert.Equal(TimeSpan.FromHours(2), Duration.FromHours(2).ToTimeSpan());
        Assert.Equal(TimeSpan.Zero, Duration.Zero.ToTimeSpan());
    }

    [Fact]
    public void Arithmetic_and_ordering()
    {
        var chemo = Duration.FromMinutes(90);
        var washout = Duration.FromMinutes(10);

        Assert.Equal(100.0, (chemo + washout).Minutes, 1e-12);
        Assert.Equal(80.0, (chemo - washout).Minutes, 1e-12);
        Assert.Equal(45.0, (chemo * 0.5).Minutes, 1e-12);
        Assert.True(washout < chemo);
        Assert.True(chemo > washout);
        Assert.True(chemo <= Duration.FromHours(1.5) && chemo >= Duration.FromHours(1.5));
        Assert.True(washout.CompareTo(chemo) < 0);
        Assert.Equal(chemo, Duration.Max(washout, chemo));
        Assert.Equal(washout, Duration.Min(washout, chemo));
        Assert.True(Duration.Zero < Duration.FromMilliseconds(1));
    }

    [Fact]
    public void ToString_is_in_seconds()
    {
        Assert.Equal("5400 s", Duration.FromMinutes(90).ToString());
        Assert.Equal("1.5 s", Duration.FromMilliseconds(1500).ToString());
        Assert.Equal("0.3 s", Duration.FromMilliseconds(300).ToString());
    }
}
