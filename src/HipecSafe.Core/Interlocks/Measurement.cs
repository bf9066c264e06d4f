using System.Globalization;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// What a rule measured against which limit, with units, for the alarm display and hazard log, e.g.
/// "inflow (higher of A/B) 45.2 °C ≥ 45 °C". <see cref="Detail"/> adds where it was seen ("probe 3").
/// </summary>
/// <remarks>
/// Every rule measures every cycle, but the text is read only when a trip is raised, held or refused a reset. A rule
/// may therefore pass the detail as a function, formatted once on first use: the same text, without formatting
/// numbers ten times a second that nobody reads. Rules hand over a <see cref="DeferredMeasurement"/>, so the
/// measurement itself is made only when the engine keeps or shows it.
/// </remarks>
public sealed record Measurement
{
    // The detail text, a function that formats it, or NoDetail: one field, so a reader on another thread sees one or
    // the other whole (formatting twice in a race is harmless: the function is pure).
    private static readonly object NoDetail = new();
    private object _detail;

    public Measurement(string Quantity, double Value, string Unit, string Relation, double Limit, string? Detail = null)
    {
        this.Quantity = Quantity;
        this.Value = Value;
        this.Unit = Unit;
        this.Relation = Relation;
        this.Limit = Limit;
        _detail = Detail ?? NoDetail;
    }

    /// <summary>A measurement whose detail is formatted by <paramref name="describeDetail"/> when first read.</summary>
    public Measurement(string quantity, double value, string unit, string relation, double limit, Func<string?> describeDetail)
        : this(quantity, value, unit, relation, limit)
    {
        ArgumentNullException.ThrowIfNull(describeDetail);
        _detail = describeDetail;
    }

    public string Quantity { get; init; }

    public double Value { get; init; }

    public string Unit { get; init; }

    public string Relation { get; init; }

    public double Limit { get; init; }

    public string? Detail
    {
        get
        {
            var detail = Volatile.Read(ref _detail);
            if (detail is Func<string?> describe)
            {
                var text = describe();
                Volatile.Write(ref _detail, text ?? NoDetail);
                return text;
            }

            return detail as string;
        }

        init => _detail = value ?? NoDetail;
    }

    /// <summary>The measured value with unit and detail, e.g. "45.2 °C (inflow probe B)".</summary>
    public string ValueText => Format(Value) + (Detail is { Length: > 0 } ? $" ({Detail})" : "");

    /// <summary>The limit with its relation, e.g. "≥ 45 °C".</summary>
    public string LimitText => $"{Relation} {Format(Limit)}";

    public override string ToString()
    {
        var text = $"{Quantity} {Format(Value)} {LimitText}";
        return Detail is { Length: > 0 } ? $"{text} ({Detail})" : text;
    }

    public bool Equals(Measurement? other) =>
        other is not null
        && string.Equals(Quantity, other.Quantity, StringComparison.Ordinal)
        && Value.Equals(other.Value)
        && string.Equals(Unit, other.Unit, StringComparison.Ordinal)
        && string.Equals(Relation, other.Relation, StringComparison.Ordinal)
        && Limit.Equals(other.Limit)
        && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Quantity, Value, Unit, Relation, Limit, Detail);

    public void Deconstruct(out string Quantity, out double Value, out string Unit, out string Relation, out double Limit, out string? Detail)
    {
        Quantity = this.Quantity;
        Value = this.Value;
        Unit = this.Unit;
        Relation = this.Relation;
        Limit = this.Limit;
        Detail = this.Detail;
    }

    private string Format(double number) =>
        number.ToString("0.###", CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");
}
