using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class TemperatureTests
{
    [Theory]
    [InlineData(0.0, 273.15)]
    [InlineData(42.0, 315.15)]
    [InlineData(-273.15, 0.0)]
    [InlineData(100.0, 373.15)]
    public void Celsius_and_kelvins_convert_both_ways(double celsius, double kelvins)
    {
        Assert.Equal(kelvins, Temperature.FromDegreesCelsius(celsius).Kelvins, 1e-9);
        Assert.Equal(celsius, Temperature.FromKelvins(kelvins).DegreesCelsius, 1e-9);
    }

    [Fact]
    public void Difference_of_two_temperatures_is_a_delta()
    {
        TemperatureDelta drop = Temperature.FromDegreesCelsius(43.5) - Temperature.FromDegreesCelsius(41.5);

        Assert.Equal(2.0, drop.DegreesCelsius, 1e-12);
        Assert.Equal(2.0, drop.Kelvins, 1e-12);
    }

    [Fact]
    public void Difference_is_signed()
    {
        var delta = Temperature.FromDegreesCelsius(40.0) - Temperature.FromDegreesCelsius(42.5);

        Assert.Equal(-2.5, delta.DegreesCelsius, 1e-12);
    }

    [Fact]
    public void Adding_and_subtracting_a_delta_moves_the_temperature()
    {
        var t = Temperature.FromDegreesCelsius(42.0);
        var d = TemperatureDelta.FromKelvins(1.5);

        Assert.Equal(43.5, (t + d).DegreesCelsius, 1e-12);
        Assert.Equal(40.5, (t - d).DegreesCelsius, 1e-12);
    }

    [Fact]
    public void Temperatures_are_ordered_by_value()
    {
        var low = Temperature.FromDegreesCelsius(41.0);
        var high = Temperature.FromDegreesCelsius(43.0);
        var sameAsLow = Temperature.FromKelvins(314.15);

        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= sameAsLow && low >= sameAsLow);
        Assert.False(low > high);
        Assert.False(high < low);
        Assert.True(low.CompareTo(high) < 0);
        Assert.True(high.CompareTo(low) > 0);
        Assert.Equal(0, low.CompareTo(sameAsLow));
        Assert.Equal(high, Temperature.Max(low, high));
        Assert.Equal(low, Temperature.Min(low, high));
        Assert.Equal(high, Temperature.Max(high, low));
        Assert.Equal(low, Temperature.Min(high, low));
    }

    [Fact]
    public void Sorting_uses_the_value()
    {
        var list = new[] { 43.0, 37.0, 42.5, 41.0 }.Select(Temperature.FromDegreesCelsius).ToList();

        list.Sort();

        Assert.Equal(new[] { 37.0, 41.0, 42.5, 43.0 }, list.Select(t => t.DegreesCelsius));
    }

    [Fact]
    public void Equal_values_are_equal_whatever_the_unit_they_were_made_from()
    {
        Assert.Equal(Temperature.FromDegreesCelsius(0.0), Temperature.FromKelvins(273.15));
        Assert.NotEqual(Temperature.FromDegreesCelsius(42.0), Temperature.FromDegreesCelsius(42.01));
    }

    [Theory]
    [InlineData(42.0, "42.00 °C")]
    [InlineData(41.456, "41.46 °C")]
    [InlineData(-0.5, "-0.50 °C")]
    public void ToString_uses_two_decimals_and_the_unit(double celsius, string expected)
    {
        Assert.Equal(expected, Temperature.FromDegreesCelsius(celsius).ToString());
    }
}
