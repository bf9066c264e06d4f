namespace HipecSafe.Bench;

/// <summary>Order statistics of a sample (nearest-rank percentiles, no interpolation: every value reported was observed).</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = values.Where(double.IsFinite).Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("no finite values to take percentiles of", nameof(values));
        }
    }

    public int Count => _sorted.Length;

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Mean => _sorted.Average();

    /// <summary>The smallest observed value with at least <paramref name="p"/> % of the sample at or below it.</summary>
    public double At(double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
