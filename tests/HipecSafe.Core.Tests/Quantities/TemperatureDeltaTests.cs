using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class TemperatureDeltaTests
{
    [Fact]
    public void A_kelvin_step_is_a_celsius_step()
    {
        Assert.Equal(0.3, TemperatureDelta.FromKelvins(0.3).DegreesCelsius, 1e-15);
        Assert.Equal(0.3, TemperatureDelta.FromDegreesCelsius(0.3).Kelvins, 1e-15);
        Assert.Equal(TemperatureDelta.FromKelvins(1.25), TemperatureDelta.FromDegreesCelsius(1.25));
    }

    [Fact]
    public void Arithmetic_on_deltas()
    {
        var a = TemperatureDelta.FromDegreesCelsius(1.5);
        var b = TemperatureDelta.FromDegreesCelsius(0.5);

        Assert.Equal(2.0, (a + b).DegreesCelsius, 1e-12);
        Assert.Equal(1.0, (a - b).DegreesCelsius, 1e-12);
        Assert.Equal(-1.5, (-a).DegreesCelsius, 1e-12);
        Assert.Equal(3.0, (a * 2.0).DegreesCelsius, 1e-12);
        Assert.Equal(1.5, (-a).Abs().DegreesCelsius, 1e-12);
        Assert.Equal(1.5, a.Abs().DegreesCelsius, 1e-12);
        Assert.Equal(0.0, TemperatureDelta.Zero.DegreesCelsius);
    }

    [Fact]
    public void Deltas_are_ordered_by_signed_value()
    {
        var minus = TemperatureDelta.FromDegreesCelsius(-2.0);
        var plus = TemperatureDelta.FromDegreesCelsius(1.0);

        Assert.True(minus < plus);
        Assert.True(plus > minus);
        Assert.True(minus <= TemperatureDelta.FromKelvins(-2.0) && minus >= TemperatureDelta.FromKelvins(-2.0));
        Assert.True(minus.CompareTo(plus) < 0);
        Assert.Equal(plus, TemperatureDelta.Max(minus, plus));
        Assert.Equal(minus, TemperatureDelta.Min(minus, plus));
        Assert.True(minus.Abs() > plus.Abs());
    }

    [Fact]
    public void ToString_is_in_kelvins()
    {
        Assert.Equal("0.30 K", TemperatureDelta.FromDegreesCelsius(0.3).ToString());
        Assert.Equal("-2.00 K", TemperatureDelta.FromDegreesCelsius(-2).ToString());
    }
}
