namespace HipecSafe.Core.HazardLog;

/// <summary>The first thing wrong with a log.</summary>
public enum VerificationProblemKind
{
    /// <summary>The final line has no line end: a write cut short by a crash (reported, not counted as tampering).</summary>
    TornRecord,

    /// <summary>A complete line that is not a well-formed record (invalid JSON, a missing or wrong property, no header).</summary>
    MalformedRecord,

    /// <summary>A record's content does not match its hash, or its prev does not match the previous record's hash.</summary>
    BrokenChain,

    /// <summary>A sequence number other than the previous one plus one (a record removed, inserted or moved).</summary>
    SequenceGap,

    /// <summary>Procedure time earlier than the previous record's.</summary>
    NonMonotonicProcedureTime,
}
