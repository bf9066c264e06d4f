using System.Globalization;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The outcome of verifying a log: how many records verified from the start, the hash and procedure time of the last
/// good one, the header, the length in bytes of the verified prefix, and the first problem if there is one.
/// </summary>
public sealed record VerificationResult(
    VerificationStatus Status,
    long RecordCount,
    string LastHash,
    TimeSpan LastProcedureTime,
    LogHeaderEntry? Header,
    long VerifiedLength,
    VerificationProblem? Problem)
{
    /// <summary>True only for <see cref="VerificationStatus.Intact"/>.</summary>
    public bool IsIntact => Status == VerificationStatus.Intact;

    /// <summary>One paragraph for a person: the verdict first, then where and why.</summary>
    public string Describe()
    {
        var header = Header is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" Log {Header.LogId} of device {Header.DeviceId}, profile {Header.ProfileId}, format {Header.FormatVersion}.");
        var good = string.Create(
            CultureInfo.InvariantCulture,
            $"{RecordCount} record{(RecordCount == 1 ? string.Empty : "s")} verify from the start; last good hash {LastHash}.");
        return Status switch
        {
            VerificationStatus.Intact when RecordCount == 0 => "OK: the log is empty (no records).",
            VerificationStatus.Intact => $"OK: {good}{header}",
            VerificationStatus.TornTail =>
                $"TORN: {Problem} This is the trace of a crash or power loss during a write; the torn record was never acknowledged. {good}{header}",
            _ => $"CORRUPT ({Problem?.Kind}): {Problem} Records from there on cannot be trusted. {good}{header}",
        };
    }
}
