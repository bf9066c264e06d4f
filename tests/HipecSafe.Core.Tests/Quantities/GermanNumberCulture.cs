using System.Globalization;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>
/// Runs code with a current culture that writes numbers the German way (decimal comma, dot for thousands).
/// The build sets InvariantGlobalization, so <c>new CultureInfo("de-DE")</c> would carry invariant number data (or
/// not exist at all); a clone of the invariant culture with de-DE's separators is what actually exposes code that
/// formats or parses with the current culture.
/// </summary>
internal sealed class GermanNumberCulture : IDisposable
{
    private readonly CultureInfo _previous;
    private readonly CultureInfo _previousUi;

    public GermanNumberCulture()
    {
        _previous = CultureInfo.CurrentCulture;
        _previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = Create();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture;
    }

    public static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        return culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previous;
        CultureInfo.CurrentUICulture = _previousUi;
    }
}
