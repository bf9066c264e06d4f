namespace HipecSafe.Core.Quantities;

/// <summary>A power (stored in watts). Shaped like UnitsNet's <c>Power</c> so it can be swapped for it later.</summary>
public readonly record struct Power : IComparable<Power>
{
    private readonly double _base;
    private Power(double watts) => _base = watts;

    public static Power Zero => default;
    public static Power FromWatts(double value) => new(value);
    public static Power FromKilowatts(double value) => new(value * 1000.0);
    public double Watts => _base;
    public double Kilowatts => _base / 1000.0;

    public static Power operator +(Power a, Power b) => new(a._base + b._base);
    public static Power operator -(Power a, Power b) => new(a._base - b._base);
    public static Power operator *(Power a, double k) => new(a._base * k);
    public override string ToString() => QuantityFormat.Format(_base, "W", "0.0");

    public int CompareTo(Power other) => _base.CompareTo(other._base);
    public static bool operator <(Power a, Power b) => a._base < b._base;
    public static bool operator >(Power a, Power b) => a._base > b._base;
    public static bool operator <=(Power a, Power b) => a._base <= b._base;
    public static bool operator >=(Power a, Power b) => a._base >= b._base;
    public static Power Max(Power a, Power b) => a >= b ? a : b;
    public static Power Min(Power a, Power b) => a <= b ? a : b;
}
