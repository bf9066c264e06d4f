namespace HipecSafe.Core.Quantities;

/// <summary>Rounding for status lines and reports.</summary>
public static class DisplayRounding
{
    /// <summary>Rounds to <paramref name="decimals"/>, and a value that rounds to zero reads 0, never -0 (a back-leak of a few µL/min).</summary>
    public static double Round(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals);
        return rounded == 0 ? 0 : rounded;
    }
}
