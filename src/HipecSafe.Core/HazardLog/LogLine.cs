namespace HipecSafe.Core.HazardLog;

/// <summary>
/// One line of a log file as read: its 1-based number, the byte offset of its start, its content without the '\n',
/// whether a '\n' ended it, and its true length (a line over <see cref="HazardLogFormat.MaxLineBytes"/> is counted
/// but its content is not kept).
/// </summary>
internal readonly record struct LogLine(long Number, long Offset, ReadOnlyMemory<byte> Content, long Length, bool Terminated)
{
    public bool IsOverlong => Length > HazardLogFormat.MaxLineBytes;
}
