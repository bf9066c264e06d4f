using System.Globalization;

namespace HipecSafe.Cli.Reporting;

/// <summary>Procedure time as people read it on the device and in reports: h:mm:ss.</summary>
internal static class ProcedureClock
{
    public static string Format(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(t < TimeSpan.Zero ? "-" : string.Empty)}{(int)Math.Abs(t.TotalHours)}:{Math.Abs(t.Minutes):00}:{Math.Abs(t.Seconds):00}");
}
