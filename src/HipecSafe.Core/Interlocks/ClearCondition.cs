namespace HipecSafe.Core.Interlocks;

/// <summary>When an active trip ends (PX4 failsafe: an explicit clear condition per cause).</summary>
public enum ClearCondition
{
    /// <summary>The trip ends as soon as the condition is clear again (or the rule no longer applies in the phase).</summary>
    WhenConditionClears,

    /// <summary>Latched: the trip stays after the condition clears until an operator reset, refused while the condition holds.</summary>
    OperatorReset,
}
