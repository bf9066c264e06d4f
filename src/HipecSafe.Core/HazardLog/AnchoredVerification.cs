using System.Globalization;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// A log verified together with its head file: the chain's own result, what the head says about the log's end, the
/// last record that verified (a <see cref="LogSealedEntry"/> when the log was closed cleanly), and the verdict.
/// </summary>
/// <param name="Verdict">The overall verdict.</param>
/// <param name="Chain">The chain's own result (<see cref="HazardLogVerifier.Verify(Stream, Action{HazardLogRecord}?)"/>).</param>
/// <param name="Head">The head as read; null when missing or unreadable.</param>
/// <param name="HeadFinding">What the head says about the log.</param>
/// <param name="HeadProblem">Why the head could not be read (for <see cref="HeadFinding.Unreadable"/>).</param>
/// <param name="HashAtHead">The log's hash at the head's last record; null when the log is shorter than the head.</param>
/// <param name="LastRecord">The last record that verified; null for an empty log.</param>
public sealed record AnchoredVerification(
    LogVerdict Verdict,
    VerificationResult Chain,
    HazardLogHead? Head,
    HeadFinding HeadFinding,
    string? HeadProblem,
    string? HashAtHead,
    HazardLogRecord? LastRecord)
{
    /// <summary>The log ends with its seal.</summary>
    public bool IsSealed => LastRecord?.Entry is LogSealedEntry;

    /// <summary>Records after the head's last one (written since the last anchor); 0 without a head.</summary>
    public long UnanchoredRecords => Head is { } h && HeadFinding == HeadFinding.Confirmed ? Chain.RecordCount - h.RecordCount : 0;

    /// <summary>One paragraph for a person: the verdict first, then what the head and the end of the log say.</summary>
    public string Describe()
    {
        var header = Chain.Header is { } h
            ? Invariant($" Log {h.LogId} of device {h.DeviceId}, profile {h.ProfileId}, format {h.FormatVersion}.")
            : string.Empty;
        var good = Invariant($"{Chain.RecordCount} record{(Chain.RecordCount == 1 ? string.Empty : "s")} verify from the start; last good hash {Chain.LastHash}.");
        return Verdict switch
        {
            LogVerdict.Corrupt => Chain.Describe(),
            LogVerdict.AnchorMismatch => $"{Mismatch()} {good}{header}",
            LogVerdict.HeadMissing =>
                $"NO HEAD: the head file {(HeadFinding == HeadFinding.Missing ? "is missing" : $"is unreadable ({HeadProblem})")}, so records lost from the end " +
                $"of the log cannot be detected. {Ending()} {good}{header}",
            LogVerdict.TornTail => $"{Chain.Describe()} {Anchor()}",
            LogVerdict.NotSealed when Chain.RecordCount == 0 =>
                "NOT SEALED: the log is empty and has no head file, so there is nothing to check it against " +
                "(a writer that stopped before its first record, or a log emptied together with its head).",
            LogVerdict.NotSealed => $"NOT SEALED (crash or still open): {Ending()} {Anchor()} {good}{header}",
            _ => $"OK: {good} {Ending()} {Anchor()}{header}",
        };
    }

    private string Ending() => IsSealed
        ? $"It ends with its seal (\"{((LogSealedEntry)LastRecord!.Entry).Reason}\")."
        : Invariant($"It does not end with a seal: the last record is {(LastRecord is null ? "none" : $"a {LastRecord.Kind} (seq {LastRecord.Sequence})")}, so its writer crashed, was killed, lost power, or is still writing.");

    private string Anchor() => Head is not { } head || HeadFinding != HeadFinding.Confirmed
        ? string.Empty
        : UnanchoredRecords == 0
            ? Invariant($"The head file confirms all {head.RecordCount} records.")
            : Invariant($"The head file confirms the first {head.RecordCount} records; the last {UnanchoredRecords} were written after the last anchor.");

    private string Mismatch()
    {
        var head = Head!;
        return HeadFinding switch
        {
            HeadFinding.OtherLog => Invariant(
                $"ANCHOR MISMATCH: the head file anchors log {head.LogId}, but this is log {Chain.Header?.LogId}: the log or its head was replaced."),
            HeadFinding.HashDiffers => Invariant(
                $"ANCHOR MISMATCH: record {head.RecordCount - 1} has hash {HashAtHead}, but the head file says {head.LastHash}: the log was rewritten or replaced after it was anchored."),
            _ => Invariant(
                $"TAIL LOST: the head file anchors {head.RecordCount} records ending in hash {head.LastHash}, but only {Chain.RecordCount} verify{Torn()}: the last {head.RecordCount - Chain.RecordCount} anchored records were removed or lost."),
        };
    }

    private string Torn() => Chain.Status == VerificationStatus.TornTail ? " (the log then ends in a torn record)" : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
