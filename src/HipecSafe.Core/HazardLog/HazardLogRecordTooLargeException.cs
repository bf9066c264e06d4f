namespace HipecSafe.Core.HazardLog;

/// <summary>
/// An entry whose record would exceed <see cref="HazardLogFormat.MaxLineBytes"/>. A distinct type so that a writer can
/// catch exactly this and log a Fault in its place instead of losing the event.
/// </summary>
public sealed class HazardLogRecordTooLargeException : ArgumentException
{
    public HazardLogRecordTooLargeException(HazardLogKind kind, int lineBytes)
        : base($"the {kind} record would be {lineBytes} bytes, over the {HazardLogFormat.MaxLineBytes}-byte limit", "entry")
    {
        Kind = kind;
        LineBytes = lineBytes;
    }

    public HazardLogRecordTooLargeException() { }

    public HazardLogRecordTooLargeException(string message) : base(message) { }

    public HazardLogRecordTooLargeException(string message, Exception innerException) : base(message, innerException) { }

    public HazardLogKind Kind { get; }

    public int LineBytes { get; }
}
