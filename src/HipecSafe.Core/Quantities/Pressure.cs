namespace HipecSafe.Core.Quantities;

/// <summary>A pressure (stored in millimetres of mercury, the clinical unit of line and abdominal pressure). Shaped like UnitsNet's <c>Pressure</c> so it can be swapped for it later.</summary>
public readonly record struct Pressure : IComparable<Pressure>
{
    private readonly double _base;
    private Pressure(double mmHg) => _base = mmHg;

    private const double PascalsPerMmHg = 133.322387415;
    public static Pressure Zero => default;
    public static Pressure FromMillimetersOfMercury(double value) => new(value);
    public static Pressure FromPascals(double value) => new(value / PascalsPerMmHg);
    public static Pressure FromKilopascals(double value) => new(value * 1000.0 / PascalsPerMmHg);
    public double MillimetersOfMercury => _base;
    public double Pascals => _base * PascalsPerMmHg;
    public double Kilopascals => _base * PascalsPerMmHg / 1000.0;

    public static Pressure operator +(Pressure a, Pressure b) => new(a._base + b._base);
    public static Pressure operator -(Pressure a, Pressure b) => new(a._base - b._base);
    public override string ToString() => QuantityFormat.Format(_base, "mmHg", "0.0");

    public int CompareTo(Pressure other) => _base.CompareTo(other._base);
    public static bool operator <(Pressure a, Pressure b) => a._base < b._base;
    public static bool operator >(Pressure a, Pressure b) => a._base > b._base;
    public static bool operator <=(Pressure a, Pressure b) => a._base <= b._base;
    public static bool operator >=(Pressure a, Pressure b) => a._base >= b._base;
    public static Pressure Max(Pressure a, Pressure b) => a >= b ? a : b;
    public static Pressure Min(Pressure a, Pressure b) => a <= b ? a : b;
}
