namespace HipecSafe.Core.Quantities;

/// <summary>An absolute temperature (stored in degrees Celsius, the unit every probe and limit here uses). Shaped like UnitsNet's <c>Temperature</c> so it can be swapped for it later.</summary>
public readonly record struct Temperature : IComparable<Temperature>
{
    private readonly double _base;
    private Temperature(double degreesCelsius) => _base = degreesCelsius;

    public static Temperature FromDegreesCelsius(double value) => new(value);
    public static Temperature FromKelvins(double value) => new(value - 273.15);
    public double DegreesCelsius => _base;
    public double Kelvins => _base + 273.15;

    public static TemperatureDelta operator -(Temperature a, Temperature b) => TemperatureDelta.FromDegreesCelsius(a._base - b._base);
    public static Temperature operator +(Temperature a, TemperatureDelta d) => new(a._base + d.DegreesCelsius);
    public static Temperature operator -(Temperature a, TemperatureDelta d) => new(a._base - d.DegreesCelsius);
    public override string ToString() => QuantityFormat.Format(_base, "°C", "0.00");

    public int CompareTo(Temperature other) => _base.CompareTo(other._base);
    public static bool operator <(Temperature a, Temperature b) => a._base < b._base;
    public static bool operator >(Temperature a, Temperature b) => a._base > b._base;
    public static bool operator <=(Temperature a, Temperature b) => a._base <= b._base;
    public static bool operator >=(Temperature a, Temperature b) => a._base >= b._base;
    public static Temperature Max(Temperature a, Temperature b) => a >= b ? a : b;
    public static Temperature Min(Temperature a, Temperature b) => a <= b ? a : b;
}
