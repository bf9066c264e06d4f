namespace HipecSafe.Core.Quantities;

/// <summary>A volumetric flow (stored in millilitres per minute, the flow meter's unit). Shaped like UnitsNet's <c>VolumetricFlow</c> so it can be swapped for it later.</summary>
public readonly record struct VolumetricFlow : IComparable<VolumetricFlow>
{
    private readonly double _base;
    private VolumetricFlow(double millilitersPerMinute) => _base = millilitersPerMinute;

    public static VolumetricFlow Zero => default;
    public static VolumetricFlow FromMillilitersPerMinute(double value) => new(value);
    public static VolumetricFlow FromLitersPerMinute(double value) => new(value * 1000.0);
    public static VolumetricFlow FromCubicMetersPerSecond(double value) => new(value * 6.0e7);
    public double MillilitersPerMinute => _base;
    public double LitersPerMinute => _base / 1000.0;
    public double CubicMetersPerSecond => _base / 6.0e7;

    public static VolumetricFlow operator +(VolumetricFlow a, VolumetricFlow b) => new(a._base + b._base);
    public static VolumetricFlow operator -(VolumetricFlow a, VolumetricFlow b) => new(a._base - b._base);
    public static VolumetricFlow operator *(VolumetricFlow a, double k) => new(a._base * k);
    public static Volume operator *(VolumetricFlow f, Duration d) => Volume.FromMilliliters(f._base * d.Minutes);
    public override string ToString() => QuantityFormat.Format(LitersPerMinute, "L/min", "0.000");

    public int CompareTo(VolumetricFlow other) => _base.CompareTo(other._base);
    public static bool operator <(VolumetricFlow a, VolumetricFlow b) => a._base < b._base;
    public static bool operator >(VolumetricFlow a, VolumetricFlow b) => a._base > b._base;
    public static bool operator <=(VolumetricFlow a, VolumetricFlow b) => a._base <= b._base;
    public static bool operator >=(VolumetricFlow a, VolumetricFlow b) => a._base >= b._base;
    public static VolumetricFlow Max(VolumetricFlow a, VolumetricFlow b) => a >= b ? a : b;
    public static VolumetricFlow Min(VolumetricFlow a, VolumetricFlow b) => a <= b ? a : b;
}
