namespace HipecSafe.Core.Interlocks;

/// <summary>A rule's verdict on one evaluation.</summary>
public enum ConditionState
{
    Clear,
    Holds,

    /// <summary>
    /// The inputs the rule needs are missing or broken. Unknown never clears a trip and never restarts a persistence
    /// timer (a failed read must not reset an occlusion that has lasted 0.4 s); the missing input itself is another
    /// rule's job (bus fault, stale sample, sensor fault).
    /// </summary>
    Unknown,
}
