using System.Globalization;

namespace HipecSafe.Core.Quantities;

/// <summary>Formatting shared by the quantity types: invariant culture, so logs and reports read the same everywhere.</summary>
internal static class QuantityFormat
{
    public static string Format(double value, string abbreviation, string? format = null) =>
        value.ToString(format ?? "0.###", CultureInfo.InvariantCulture) + " " + abbreviation;
}
