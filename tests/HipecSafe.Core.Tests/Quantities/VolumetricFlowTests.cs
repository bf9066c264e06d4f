using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class VolumetricFlowTests
{
    [Theory]
    [InlineData(2.0, 2000.0)]
    [InlineData(0.5, 500.0)]
    [InlineData(3.0, 3000.0)]
    [InlineData(0.0, 0.0)]
    public void Liters_and_milliliters_per_minute_convert_both_ways(double lPerMin, double mlPerMin)
    {
        Assert.Equal(mlPerMin, VolumetricFlow.FromLitersPerMinute(lPerMin).MillilitersPerMinute, 1e-9);
        Assert.Equal(lPerMin, VolumetricFlow.FromMillilitersPerMinute(mlPerMin).LitersPerMinute, 1e-12);
    }

    [Fact]
    public void One_liter_per_minute_is_one_sixty_thousandth_of_a_cubic_meter_per_second()
    {
        Assert.Equal(1.0 / 60_000.0, VolumetricFlow.FromLitersPerMinute(1.0).CubicMetersPerSecond, 1e-15);
        Assert.Equal(60_000.0, VolumetricFlow.FromCubicMetersPerSecond(1.0).LitersPerMinute, 1e-9);
        Assert.Equal(6.0e7, VolumetricFlow.FromCubicMetersPerSecond(1.0).MillilitersPerMinute, 1e-6);
        // 2 L/min is 2e-3 m³ in 60 s.
        Assert.Equal(2.0, VolumetricFlow.FromCubicMetersPerSecond(2.0e-3 / 60.0).LitersPerMinute, 1e-12);
    }

    [Fact]
    public void Flow_times_duration_is_a_volume()
    {
        Volume perfused = VolumetricFlow.FromLitersPerMinute(2.0) * Duration.FromMinutes(90);

        Assert.Equal(180.0, perfused.Liters, 1e-9);
    }

    [Theory]
    [InlineData(2000.0, 30.0, 1000.0)]
    [InlineData(1500.0, 1.0, 25.0)]
    [InlineData(600.0, 0.1, 1.0)]
    [InlineData(1234.0, 0.0, 0.0)]
    public void Flow_times_seconds_gives_milliliters(double mlPerMin, double seconds, double expectedMl)
    {
        var volume = VolumetricFlow.FromMillilitersPerMinute(mlPerMin) * Duration.FromSeconds(seconds);

        Assert.Equal(expectedMl, volume.Milliliters, 1e-9);
    }

    [Fact]
    public void Arithmetic_on_flows()
    {
        var a = VolumetricFlow.FromLitersPerMinute(2.0);
        var b = VolumetricFlow.FromMillilitersPerMinute(500);

        Assert.Equal(2.5, (a + b).LitersPerMinute, 1e-12);
        Assert.Equal(1.5, (a - b).LitersPerMinute, 1e-12);
        Assert.Equal(2.2, (a * 1.1).LitersPerMinute, 1e-12);
        Assert.Equal(0.0, VolumetricFlow.Zero.MillilitersPerMinute);
    }

    [Fact]
    public void Flows_are_ordered_by_value()
    {
        var slow = VolumetricFlow.FromLitersPerMinute(0.5);
        var fast = VolumetricFlow.FromMillilitersPerMinute(3000);

        Assert.True(slow < fast);
        Assert.True(fast > slow);
        Assert.True(slow <= VolumetricFlow.FromMillilitersPerMinute(500));
        Assert.True(slow >= VolumetricFlow.FromMillilitersPerMinute(500));
        Assert.True(slow.CompareTo(fast) < 0);
        Assert.Equal(fast, VolumetricFlow.Max(slow, fast));
        Assert.Equal(slow, VolumetricFlow.Min(slow, fast));
    }

    [Fact]
    public void ToString_is_in_liters_per_minute()
    {
        Assert.Equal("2.000 L/min", VolumetricFlow.FromLitersPerMinute(2.0).ToString());
        Assert.Equal("1.235 L/min", VolumetricFlow.FromMillilitersPerMinute(1234.6).ToString());
    }
}
