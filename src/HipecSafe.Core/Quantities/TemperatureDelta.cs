namespace HipecSafe.Core.Quantities;

/// <summary>A temperature difference (degrees Celsius = kelvins). Shaped like UnitsNet's <c>TemperatureDelta</c> so it can be swapped for it later.</summary>
public readonly record struct TemperatureDelta : IComparable<TemperatureDelta>
{
    private readonly double _base;
    private TemperatureDelta(double degreesCelsius) => _base = degreesCelsius;

    public static TemperatureDelta Zero => default;
    public static TemperatureDelta FromDegreesCelsius(double value) => new(value);
    public static TemperatureDelta FromKelvins(double value) => new(value);
    public double DegreesCelsius => _base;
    public double Kelvins => _base;

    public TemperatureDelta Abs() => new(Math.Abs(_base));
    public static TemperatureDelta operator +(TemperatureDelta a, TemperatureDelta b) => new(a._base + b._base);
    public static TemperatureDelta operator -(TemperatureDelta a, TemperatureDelta b) => new(a._base - b._base);
    public static TemperatureDelta operator -(TemperatureDelta a) => new(-a._base);
    public static TemperatureDelta operator *(TemperatureDelta a, double k) => new(a._base * k);
    public override string ToString() => QuantityFormat.Format(_base, "K", "0.00");

    public int CompareTo(TemperatureDelta other) => _base.CompareTo(other._base);
    public static bool operator <(TemperatureDelta a, TemperatureDelta b) => a._base < b._base;
    public static bool operator >(TemperatureDelta a, TemperatureDelta b) => a._base > b._base;
    public static bool operator <=(TemperatureDelta a, TemperatureDelta b) => a._base <= b._base;
    public static bool operator >=(TemperatureDelta a, TemperatureDelta b) => a._base >= b._base;
    public static TemperatureDelta Max(TemperatureDelta a, TemperatureDelta b) => a >= b ? a : b;
    public static TemperatureDelta Min(TemperatureDelta a, TemperatureDelta b) => a <= b ? a : b;
}
