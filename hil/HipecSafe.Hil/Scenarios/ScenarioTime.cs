using System.Globalization;

namespace HipecSafe.Hil.Scenarios;

/// <summary>How scenario reports print times: procedure clock <c>00:19:20.0</c> and spans in seconds <c>1.2 s</c>.</summary>
public static class ScenarioTime
{
    public static string Clock(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture);

    public static string Span(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");
}
