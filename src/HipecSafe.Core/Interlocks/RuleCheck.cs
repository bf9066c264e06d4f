namespace HipecSafe.Core.Interlocks;

/// <summary>
/// One rule's verdict: the state, what was measured (present for Holds and for Clear when a value was read), and
/// why the rule could not decide (Unknown).
/// </summary>
public readonly record struct RuleCheck(ConditionState State, Measurement? Measured, string? UnknownReason)
{
    public static RuleCheck Holds(Measurement measured) => new(ConditionState.Holds, measured, null);

    public static RuleCheck Clear(Measurement? measured = null) => new(ConditionState.Clear, measured, null);

    public static RuleCheck Unknown(string reason) => new(ConditionState.Unknown, null, reason);

    public static RuleCheck Compare(bool holds, Measurement measured) => holds ? Holds(measured) : Clear(measured);
}
