using System.Globalization;
using System.Text.RegularExpressions;

namespace HipecSafe.Core.Quantities;

/// <summary>
/// Parses and prints the duration syntax used by profiles and scenarios: <c>500ms</c>, <c>30s</c>, <c>10m</c>,
/// <c>1h30m</c>, <c>1m30s</c>. Units must appear in order h, m, s, ms; each at most once; a bare number is refused
/// because "90" could mean seconds or minutes.
/// </summary>
public static partial class DurationText
{
    // [0-9], not \d: \d also matches Arabic-Indic, full-width ... digits, which double.Parse then rejects by throwing.
    [GeneratedRegex(@"^(?:(?<h>[0-9]+(?:\.[0-9]+)?)h)?(?:(?<m>[0-9]+(?:\.[0-9]+)?)m(?!s))?(?:(?<s>[0-9]+(?:\.[0-9]+)?)s)?(?:(?<ms>[0-9]+(?:\.[0-9]+)?)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out Duration duration, out string error)
    {
        duration = Duration.Zero;
        var trimmed = text?.Trim() ?? "";
        var match = Pattern().Match(trimmed);
        if (trimmed.Length == 0 || !match.Success || match.Length == 0)
        {
            error = $"'{text}' is not a duration; write it like 500ms, 30s, 10m or 1h30m";
            return false;
        }

        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0.0;
        var parsed = Duration.FromHours(Part("h")) + Duration.FromMinutes(Part("m")) + Duration.FromSeconds(Part("s"))
                     + Duration.FromMilliseconds(Part("ms"));
        // Past TimeSpan's range the value cannot be timed or printed back (Format would saturate); refuse it here.
        if (!(parsed.Seconds <= TimeSpan.MaxValue.TotalSeconds))
        {
            error = $"'{text}' is too long for a duration (at most {(long)TimeSpan.MaxValue.TotalHours}h)";
            return false;
        }

        duration = parsed;
        error = "";
        return true;
    }

    public static Duration Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    /// <summary>Shortest exact text for a duration, e.g. 5400 s → "1h30m"; the inverse of <see cref="Parse"/>.</summary>
    public static string Format(Duration duration)
    {
        var totalMs = (long)Math.Round(duration.Milliseconds);
        if (totalMs == 0)
        {
            return "0s";
        }

        if (totalMs < 0)
        {
            // One sign in front, not one per unit ("-1m-30s"); Parse still refuses it, as no profile time is negative.
            return "-" + Format(Duration.FromMilliseconds(-(double)totalMs));
        }

        var sb = new System.Text.StringBuilder();
        void Append(long value, string unit)
        {
            if (value != 0)
            {
                sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Append(totalMs / 3_600_000, "h");
        Append(totalMs / 60_000 % 60, "m");
        Append(totalMs / 1000 % 60, "s");
        Append(totalMs % 1000, "ms");
        return sb.ToString();
    }
}
