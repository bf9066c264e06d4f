namespace HipecSafe.Core.Interlocks;

/// <summary>
/// One rule's verdict: the state, what was measured (present for Holds and for Clear when a value was read), and
/// why the rule could not decide (Unknown). The measurement is either made by the rule or handed over as a
/// <see cref="DeferredMeasurement"/>, made when <see cref="Measured"/> is read (each read makes a new, equal one).
/// </summary>
public readonly struct RuleCheck : IEquatable<RuleCheck>
{
    private readonly Measurement? _measured;
    private readonly DeferredMeasurement _deferred;

    public RuleCheck(ConditionState State, Measurement? Measured, string? UnknownReason)
    {
        this.State = State;
        _measured = Measured;
        this.UnknownReason = UnknownReason;
    }

    private RuleCheck(ConditionState state, in DeferredMeasurement deferred)
    {
        State = state;
        _deferred = deferred;
    }

    public ConditionState State { get; }

    public Measurement? Measured => _measured ?? _deferred.Make();

    public string? UnknownReason { get; }

    public static RuleCheck Holds(Measurement measured) => new(ConditionState.Holds, measured, null);

    public static RuleCheck Clear(Measurement? measured = null) => new(ConditionState.Clear, measured, null);

    public static RuleCheck Unknown(string reason) => new(ConditionState.Unknown, null, reason);

    public static RuleCheck Compare(bool holds, Measurement measured) => holds ? Holds(measured) : Clear(measured);

    /// <summary>Holds or Clear with a measurement that is made only if the engine needs it.</summary>
    public static RuleCheck Compare(bool holds, in DeferredMeasurement measured) =>
        new(holds ? ConditionState.Holds : ConditionState.Clear, measured);

    public bool Equals(RuleCheck other) =>
        State == other.State && Equals(Measured, other.Measured) && string.Equals(UnknownReason, other.UnknownReason, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RuleCheck other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(State, Measured, UnknownReason);

    public static bool operator ==(RuleCheck left, RuleCheck right) => left.Equals(right);

    public static bool operator !=(RuleCheck left, RuleCheck right) => !left.Equals(right);

    public void Deconstruct(out ConditionState State, out Measurement? Measured, out string? UnknownReason)
    {
        State = this.State;
        Measured = this.Measured;
        UnknownReason = this.UnknownReason;
    }

    public override string ToString() => $"RuleCheck {{ State = {State}, Measured = {Measured}, UnknownReason = {UnknownReason} }}";
}
