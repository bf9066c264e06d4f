using System.Globalization;

namespace HipecSafe.Hil.Oracle;

/// <summary>An inclusive range of one fault parameter; <see cref="Whole"/> when both bounds were written as whole numbers (the parameter is then drawn whole).</summary>
public sealed record ParamRange(double Min, double Max, bool Whole)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>A value drawn uniformly from the range.</summary>
    public double Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Whole)
        {
            return random.NextInt64((long)Min, (long)Max + 1);
        }

        // Two decimals, or four in a narrow range (a frame error rate of 0.001-0.02), never outside the range.
        var digits = Max - Min >= 1 ? 2 : 4;
        return Math.Clamp(Math.Round(Min + (random.NextDouble() * (Max - Min)), digits), Min, Max);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}
