using System.Globalization;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// What a rule measured against which limit, with units, for the alarm display and hazard log, e.g.
/// "inflow (higher of A/B) 45.2 °C ≥ 45 °C". <paramref name="Detail"/> adds where it was seen ("probe 3").
/// </summary>
public sealed record Measurement(string Quantity, double Value, string Unit, string Relation, double Limit, string? Detail = null)
{
    /// <summary>The measured value with unit and detail, e.g. "45.2 °C (inflow probe B)".</summary>
    public string ValueText => Format(Value) + (Detail is { Length: > 0 } ? $" ({Detail})" : "");

    /// <summary>The limit with its relation, e.g. "≥ 45 °C".</summary>
    public string LimitText => $"{Relation} {Format(Limit)}";

    public override string ToString()
    {
        var text = $"{Quantity} {Format(Value)} {LimitText}";
        return Detail is { Length: > 0 } ? $"{text} ({Detail})" : text;
    }

    private string Format(double number) =>
        number.ToString("0.###", CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");
}
