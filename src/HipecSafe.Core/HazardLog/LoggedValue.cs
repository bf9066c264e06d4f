using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// A measured value or limit as it is written in the log: the number in round-trip form (invariant culture, so NaN
/// from a failed probe is kept as "NaN") followed by its unit, e.g. "43.25 °C".
/// </summary>
public readonly record struct LoggedValue
{
    public LoggedValue(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Contains('\n', StringComparison.Ordinal) || (unit.Length > 0 && char.IsWhiteSpace(unit[0])))
        {
            throw new ArgumentException($"unit '{unit}' must not start with white space or contain a line break.", nameof(unit));
        }

        Value = value;
        Unit = unit;
    }

    public double Value { get; }
    public string Unit { get; }

    public static LoggedValue Of(Temperature value) => new(value.DegreesCelsius, "°C");
    public static LoggedValue Of(TemperatureDelta value) => new(value.Kelvins, "K");
    public static LoggedValue Of(Pressure value) => new(value.MillimetersOfMercury, "mmHg");
    public static LoggedValue Of(VolumetricFlow value) => new(value.LitersPerMinute, "L/min");
    public static LoggedValue Of(Volume value) => new(value.Milliliters, "mL");
    public static LoggedValue Of(Power value) => new(value.Watts, "W");
    public static LoggedValue Of(Duration value) => new(value.Seconds, "s");

    public override string ToString()
    {
        var number = Value.ToString("R", CultureInfo.InvariantCulture);
        return Unit.Length == 0 ? number : number + " " + Unit;
    }

    /// <summary>Reads the text written by <see cref="ToString"/>; the error names what is wrong.</summary>
    public static bool TryParse(string text, out LoggedValue value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? text : text[..space];
        var unit = space < 0 ? string.Empty : text[(space + 1)..];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = default;
            error = $"'{number}' is not a number (expected e.g. \"43.25 °C\")";
            return false;
        }

        if (space >= 0 && (unit.Length == 0 || char.IsWhiteSpace(unit[0])))
        {
            value = default;
            error = $"'{text}' has no unit after the space";
            return false;
        }

        value = new LoggedValue(parsed, unit);
        error = string.Empty;
        return true;
    }
}
