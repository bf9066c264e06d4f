namespace HipecSafe.Core.HazardLog;

/// <summary>Overall verdict on a log.</summary>
public enum VerificationStatus
{
    /// <summary>Every line is a record and the chain holds from record 0 to the end.</summary>
    Intact,

    /// <summary>
    /// The chain holds up to an incomplete final line: the trace of a crash or power loss in the middle of a write.
    /// That record was never acknowledged; everything before it verifies.
    /// </summary>
    TornTail,

    /// <summary>Damage or tampering before the end: see the problem for where and what.</summary>
    Corrupt,
}
