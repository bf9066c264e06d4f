namespace HipecSafe.Core.Quantities;

/// <summary>A span of procedure time (stored in seconds). Shaped like UnitsNet's <c>Duration</c> so it can be swapped for it later.</summary>
public readonly record struct Duration : IComparable<Duration>
{
    private readonly double _base;
    private Duration(double seconds) => _base = seconds;

    public static Duration Zero => default;
    public static Duration FromMilliseconds(double value) => new(value / 1000.0);
    public static Duration FromSeconds(double value) => new(value);
    public static Duration FromMinutes(double value) => new(value * 60.0);
    public static Duration FromHours(double value) => new(value * 3600.0);
    public static Duration FromTimeSpan(TimeSpan value) => new(value.TotalSeconds);
    public double Milliseconds => _base * 1000.0;
    public double Seconds => _base;
    public double Minutes => _base / 60.0;
    public double Hours => _base / 3600.0;

    /// <summary>
    /// The TimeSpan nearest to this duration. TimeSpan.FromSeconds truncates, so 43 ms (429999.99999999994 ticks)
    /// would come out a tick short; round instead.
    /// </summary>
    public TimeSpan ToTimeSpan()
    {
        var ticks = Math.Round(_base * TimeSpan.TicksPerSecond);
        return ticks is >= long.MinValue and <= long.MaxValue
            ? TimeSpan.FromTicks((long)ticks)
            : throw new OverflowException($"{this} does not fit in a TimeSpan");
    }

    public static Duration operator +(Duration a, Duration b) => new(a._base + b._base);
    public static Duration operator -(Duration a, Duration b) => new(a._base - b._base);
    public static Duration operator *(Duration a, double k) => new(a._base * k);
    public override string ToString() => QuantityFormat.Format(_base, "s", "0.###");

    public int CompareTo(Duration other) => _base.CompareTo(other._base);
    public static bool operator <(Duration a, Duration b) => a._base < b._base;
    public static bool operator >(Duration a, Duration b) => a._base > b._base;
    public static bool operator <=(Duration a, Duration b) => a._base <= b._base;
    public static bool operator >=(Duration a, Duration b) => a._base >= b._base;
    public static Duration Max(Duration a, Duration b) => a >= b ? a : b;
    public static Duration Min(Duration a, Duration b) => a <= b ? a : b;
}
