using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>Logs, reports and profile files read the same on every machine: a decimal point, never a comma.</summary>
public class InvariantFormattingTests
{
    [Fact]
    public void ToString_ignores_a_german_current_culture()
    {
        using (new GermanNumberCulture())
        {
            // The culture really is in effect: culture-sensitive formatting would write a comma.
            Assert.Equal("42,5", 42.5.ToString(CultureInfo.CurrentCulture));

            Assert.Equal("42.50 °C", Temperature.FromDegreesCelsius(42.5).ToString());
            Assert.Equal("0.30 K", TemperatureDelta.FromDegreesCelsius(0.3).ToString());
            Assert.Equal("1.500 L/min", VolumetricFlow.FromLitersPerMinute(1.5).ToString());
            Assert.Equal("300.5 mmHg", Pressure.FromMillimetersOfMercury(300.5).ToString());
            Assert.Equal("1234 mL", Volume.FromMilliliters(1234).ToString());
            Assert.Equal("1200.5 W", Power.FromWatts(1200.5).ToString());
            Assert.Equal("1.5 s", Duration.FromMilliseconds(1500).ToString());
        }
    }

    [Fact]
    public void DurationText_parses_and_formats_invariantly_under_a_german_culture()
    {
        using (new GermanNumberCulture())
        {
            Assert.Equal(5400.0, DurationText.Parse("1.5h").Seconds, 1e-9);
            Assert.False(DurationText.TryParse("1,5h", out _, out _));
            Assert.Equal("1h30m", DurationText.Format(Duration.FromMinutes(90)));
        }
    }
}
