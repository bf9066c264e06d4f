namespace HipecSafe.Core.Quantities;

/// <summary>A volume (stored in millilitres, the reservoir's unit). Shaped like UnitsNet's <c>Volume</c> so it can be swapped for it later.</summary>
public readonly record struct Volume : IComparable<Volume>
{
    private readonly double _base;
    private Volume(double milliliters) => _base = milliliters;

    public static Volume Zero => default;
    public static Volume FromMilliliters(double value) => new(value);
    public static Volume FromLiters(double value) => new(value * 1000.0);
    public static Volume FromCubicMeters(double value) => new(value * 1.0e6);
    public double Milliliters => _base;
    public double Liters => _base / 1000.0;
    public double CubicMeters => _base / 1.0e6;

    public static Volume operator +(Volume a, Volume b) => new(a._base + b._base);
    public static Volume operator -(Volume a, Volume b) => new(a._base - b._base);
    public static Volume operator *(Volume a, double k) => new(a._base * k);
    public override string ToString() => QuantityFormat.Format(_base, "mL", "0");

    public int CompareTo(Volume other) => _base.CompareTo(other._base);
    public static bool operator <(Volume a, Volume b) => a._base < b._base;
    public static bool operator >(Volume a, Volume b) => a._base > b._base;
    public static bool operator <=(Volume a, Volume b) => a._base <= b._base;
    public static bool operator >=(Volume a, Volume b) => a._base >= b._base;
    public static Volume Max(Volume a, Volume b) => a >= b ? a : b;
    public static Volume Min(Volume a, Volume b) => a <= b ? a : b;
}
