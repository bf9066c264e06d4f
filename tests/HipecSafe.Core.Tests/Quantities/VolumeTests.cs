using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class VolumeTests
{
    [Theory]
    [InlineData(600.0, 0.6)]
    [InlineData(3000.0, 3.0)]
    [InlineData(1.0, 0.001)]
    [InlineData(0.0, 0.0)]
    public void Milliliters_and_liters_convert_both_ways(double ml, double liters)
    {
        Assert.Equal(liters, Volume.FromMilliliters(ml).Liters, 1e-12);
        Assert.Equal(ml, Volume.FromLiters(liters).Milliliters, 1e-9);
    }

    [Fact]
    public void Cubic_meters()
    {
        Assert.Equal(1.0e6, Volume.FromCubicMeters(1.0).Milliliters, 1e-6);
        Assert.Equal(1.0e-3, Volume.FromLiters(1.0).CubicMeters, 1e-15);
        Assert.Equal(Volume.FromLiters(2.5).Milliliters, Volume.FromCubicMeters(2.5e-3).Milliliters, 1e-9);
    }

    [Fact]
    public void Arithmetic_and_ordering()
    {
        var low = Volume.FromMilliliters(300);
        var high = Volume.FromLiters(0.6);

        Assert.Equal(900.0, (low + high).Milliliters, 1e-9);
        Assert.Equal(300.0, (high - low).Milliliters, 1e-9);
        Assert.Equal(150.0, (low * 0.5).Milliliters, 1e-9);
        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= Volume.FromLiters(0.3) && low >= Volume.FromLiters(0.3));
        Assert.True(high.CompareTo(low) > 0);
        Assert.Equal(high, Volume.Max(low, high));
        Assert.Equal(low, Volume.Min(low, high));
        Assert.Equal(0.0, Volume.Zero.Liters);
    }

    [Fact]
    public void ToString_is_whole_milliliters()
    {
        Assert.Equal("600 mL", Volume.FromLiters(0.6).ToString());
        Assert.Equal("1235 mL", Volume.FromMilliliters(1234.6).ToString());
    }
}
