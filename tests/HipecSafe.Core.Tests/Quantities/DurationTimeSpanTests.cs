using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>
/// A duration becomes the TimeSpan of the same length, to the tick. Regression: ToTimeSpan used to truncate, so
/// 43 ms (0.043 s × 10⁷ = 429999.99999999994 ticks) became 42.9999 ms.
/// </summary>
public class DurationTimeSpanTests
{
    [Theory]
    [InlineData(43)]
    [InlineData(86)]
    [InlineData(102)]
    [InlineData(344)]
    [InlineData(420_934_861)]
    public void Whole_milliseconds_become_the_same_TimeSpan(int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Duration.FromMilliseconds(milliseconds).ToTimeSpan());
    }

    [Fact]
    public void A_parsed_profile_duration_becomes_the_same_TimeSpan()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(43), DurationText.Parse("43ms").ToTimeSpan());
        Assert.Equal(new TimeSpan(0, 1, 30, 0, 86), DurationText.Parse("1h30m86ms").ToTimeSpan());
    }

    [Fact]
    public void A_duration_beyond_TimeSpan_is_refused_not_wrapped()
    {
        Assert.Throws<OverflowException>(() => Duration.FromHours(1e12).ToTimeSpan());
    }

    [Property(Replay = "(20240611,1234567)", MaxTest = 1000)]
    public Property Duration_and_TimeSpan_agree_at_whole_milliseconds() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), ms =>
            Duration.FromMilliseconds(ms).ToTimeSpan() == TimeSpan.FromMilliseconds(ms)
            && Duration.FromTimeSpan(TimeSpan.FromMilliseconds(ms)).ToTimeSpan() == TimeSpan.FromMilliseconds(ms));
}
