namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// Seeded Gaussian noise (Marsaglia polar method over <see cref="Random"/>), optionally truncated: a real sensor's
/// error is bounded by its accuracy class, so the accuracy figure must hold for every sample, not just most.
/// </summary>
internal sealed class BoundedGaussian
{
    private readonly Random _random;
    private double _spare;
    private bool _hasSpare;

    public BoundedGaussian(int seed) => _random = new Random(seed);

    /// <summary>Uniform in [-halfWidth, +halfWidth] (calibration offsets).</summary>
    public double Uniform(double halfWidth) => ((2.0 * _random.NextDouble()) - 1.0) * halfWidth;

    /// <summary>Standard normal sample.</summary>
    public double Standard()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * _random.NextDouble()) - 1.0;
            v = (2.0 * _random.NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var scale = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spare = v * scale;
        _hasSpare = true;
        return u * scale;
    }

    /// <summary>Normal with <paramref name="sigma"/>, redrawn until |x| ≤ <paramref name="bound"/> (bound ≥ sigma keeps acceptance ≥ 68 %).</summary>
    public double Bounded(double sigma, double bound)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        double x;
        do
        {
            x = sigma * Standard();
        }
        while (Math.Abs(x) > bound);

        return x;
    }
}
