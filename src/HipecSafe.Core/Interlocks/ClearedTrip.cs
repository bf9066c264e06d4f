namespace HipecSafe.Core.Interlocks;

/// <summary>Why a trip ended.</summary>
public enum ClearCause
{
    /// <summary>A non-latched rule's condition cleared.</summary>
    ConditionCleared,

    /// <summary>A non-latched rule stopped applying (phase changed, pump stopped).</summary>
    NoLongerApplicable,

    /// <summary>An operator reset a latched trip whose condition had cleared.</summary>
    OperatorReset,
}

/// <summary>A trip that ended, with when and why.</summary>
public sealed record ClearedTrip(InterlockTrip Trip, TimeSpan ClearedAt, ClearCause Cause);
