namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The last record of a log closed cleanly (<c>HazardLogWriter.Seal</c>): why the writer stopped. A log that does not
/// end with one was not closed cleanly — the writer crashed, was killed, lost power, or is still writing.
/// </summary>
public sealed record LogSealedEntry(string Reason) : HazardLogEntry
{
    public string Reason { get; } = EntryText.Required(Reason, nameof(Reason));

    public override HazardLogKind Kind => HazardLogKind.LogSealed;
}
