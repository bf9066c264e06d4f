using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class PowerTests
{
    [Theory]
    [InlineData(1500.0, 1.5)]
    [InlineData(105.0, 0.105)]
    [InlineData(0.0, 0.0)]
    public void Watts_and_kilowatts_convert_both_ways(double watts, double kilowatts)
    {
        Assert.Equal(kilowatts, Power.FromWatts(watts).Kilowatts, 1e-12);
        Assert.Equal(watts, Power.FromKilowatts(kilowatts).Watts, 1e-9);
    }

    [Fact]
    public void Arithmetic_and_ordering()
    {
        var heater = Power.FromKilowatts(1.2);
        var loss = Power.FromWatts(200);

        Assert.Equal(1400.0, (heater + loss).Watts, 1e-9);
        Assert.Equal(1000.0, (heater - loss).Watts, 1e-9);
        Assert.Equal(600.0, (heater * 0.5).Watts, 1e-9);
        Assert.True(loss < heater);
        Assert.True(heater > loss);
        Assert.True(loss <= Power.FromKilowatts(0.2) && loss >= Power.FromKilowatts(0.2));
        Assert.True(loss.CompareTo(heater) < 0);
        Assert.Equal(heater, Power.Max(loss, heater));
        Assert.Equal(loss, Power.Min(loss, heater));
        Assert.Equal(0.0, Power.Zero.Watts);
    }

    [Fact]
    public void ToString_is_in_watts()
    {
        Assert.Equal("1200.0 W", Power.FromKilowatts(1.2).ToString());
        Assert.Equal("105.5 W", Power.FromWatts(105.49).ToString());
    }
}
