namespace HipecSafe.Core.Interlocks;

/// <summary>
/// The parts of a <see cref="Measurement"/>, made into one only when the engine reads it. The engine keeps or shows a
/// rule's measurement only while its condition holds or its trip is active; in most cycles neither, so a rule that
/// hands over its measurement this way measures every cycle without allocating anything. A detail that needs
/// formatting comes as a function of the context that captures nothing (a static lambda), applied to the same
/// context when the measurement is made and formatted when its text is first read.
/// </summary>
public readonly struct DeferredMeasurement
{
    private readonly string? _detail;
    private readonly InterlockContext? _context;
    private readonly Func<InterlockContext, string?>? _describeDetail;

    public DeferredMeasurement(string quantity, double value, string unit, string relation, double limit, string? detail = null)
    {
        Quantity = quantity;
        Value = value;
        Unit = unit;
        Relation = relation;
        Limit = limit;
        _detail = detail;
    }

    /// <summary>A measurement whose detail <paramref name="describeDetail"/> formats from <paramref name="context"/>.</summary>
    public DeferredMeasurement(string quantity, double value, string unit, string relation, double limit, InterlockContext context,
        Func<InterlockContext, string?> describeDetail)
        : this(quantity, value, unit, relation, limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(describeDetail);
        _context = context;
        _describeDetail = describeDetail;
    }

    public string Quantity { get; }

    public double Value { get; }

    public string Unit { get; }

    public string Relation { get; }

    public double Limit { get; }

    /// <summary>A new <see cref="Measurement"/> of these parts; null for the default (empty) value.</summary>
    public Measurement? Make()
    {
        if (Quantity is null)
        {
            return null;
        }

        if (_describeDetail is { } describe)
        {
            var context = _context!;
            return new Measurement(Quantity, Value, Unit, Relation, Limit, () => describe(context));
        }

        return new Measurement(Quantity, Value, Unit, Relation, Limit, _detail);
    }
}
