namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The verdict on a log checked with its head file (<see cref="HazardLogVerifier.VerifyAnchored"/>), worst first when
/// several apply: <see cref="Corrupt"/>, <see cref="AnchorMismatch"/>, <see cref="HeadMissing"/>, <see cref="TornTail"/>,
/// <see cref="NotSealed"/>; <see cref="Intact"/> only when none does.
/// </summary>
public enum LogVerdict
{
    /// <summary>The chain verifies, the head confirms it, and the log ends with its seal.</summary>
    Intact,

    /// <summary>A crash or power loss cut the final record short (everything before it verifies and matches the head).</summary>
    TornTail,

    /// <summary>Damage or tampering before the end (<see cref="VerificationStatus.Corrupt"/>).</summary>
    Corrupt,

    /// <summary>The log has fewer records than its head anchors, another hash at the head's last record, or another log id.</summary>
    AnchorMismatch,

    /// <summary>The log has records but no usable head file: records lost from its end cannot be detected.</summary>
    HeadMissing,

    /// <summary>The chain verifies and matches its head, but the log does not end with a seal: a crash, or still open.</summary>
    NotSealed,
}
