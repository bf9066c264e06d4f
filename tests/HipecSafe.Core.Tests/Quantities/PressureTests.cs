using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

public class PressureTests
{
    // By definition 1 mmHg = 133.322387415 Pa.
    private const double PascalsPerMmHg = 133.322387415;

    [Theory]
    [InlineData(1.0)]
    [InlineData(300.0)]
    [InlineData(350.0)]
    [InlineData(0.0)]
    public void Millimeters_of_mercury_to_pascals_and_kilopascals(double mmHg)
    {
        var p = Pressure.FromMillimetersOfMercury(mmHg);

        Assert.Equal(mmHg * PascalsPerMmHg, p.Pascals, 1e-9);
        Assert.Equal(mmHg * PascalsPerMmHg / 1000.0, p.Kilopascals, 1e-12);
    }

    [Fact]
    public void One_standard_atmosphere_is_760_mmHg()
    {
        Assert.Equal(760.0, Pressure.FromPascals(101_325.0).MillimetersOfMercury, 1e-3);
        Assert.Equal(760.0, Pressure.FromKilopascals(101.325).MillimetersOfMercury, 1e-3);
    }

    [Fact]
    public void Pascals_and_kilopascals_back_to_mmHg()
    {
        Assert.Equal(1.0, Pressure.FromPascals(PascalsPerMmHg).MillimetersOfMercury, 1e-12);
        Assert.Equal(300.0, Pressure.FromKilopascals(300 * PascalsPerMmHg / 1000.0).MillimetersOfMercury, 1e-9);
        Assert.Equal(Pressure.FromKilopascals(40.0).Pascals, Pressure.FromPascals(40_000.0).Pascals, 1e-9);
    }

    [Fact]
    public void Arithmetic_and_ordering()
    {
        var line = Pressure.FromMillimetersOfMercury(250);
        var limit = Pressure.FromMillimetersOfMercury(300);

        Assert.Equal(550.0, (line + limit).MillimetersOfMercury, 1e-12);
        Assert.Equal(50.0, (limit - line).MillimetersOfMercury, 1e-12);
        Assert.True(line < limit);
        Assert.True(limit > line);
        Assert.True(line <= Pressure.FromMillimetersOfMercury(250) && line >= Pressure.FromMillimetersOfMercury(250));
        Assert.True(line.CompareTo(limit) < 0);
        Assert.Equal(limit, Pressure.Max(line, limit));
        Assert.Equal(line, Pressure.Min(line, limit));
        Assert.Equal(0.0, Pressure.Zero.Pascals);
    }

    [Fact]
    public void ToString_is_in_mmHg()
    {
        Assert.Equal("300.0 mmHg", Pressure.FromMillimetersOfMercury(300).ToString());
        Assert.Equal("1.0 mmHg", Pressure.FromPascals(PascalsPerMmHg).ToString());
    }
}
