namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Splits a byte stream into '\n'-terminated lines, keeping byte offsets. It works on bytes, not text, so it can tell
/// a final line without a line end (torn) from a complete one, and never re-encodes what it hashes.
/// </summary>
internal sealed class LogLineReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _offset;
    private long _number;

    public LogLineReader(Stream stream) => _stream = stream;

    public bool TryRead(out LogLine line)
    {
        var content = new MemoryStream();
        long length = 0;
        var lineOffset = _offset;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    if (length == 0)
                    {
                        line = default;
                        return false;
                    }

                    line = new LogLine(++_number, lineOffset, Kept(content, length), length, Terminated: false);
                    return true;
                }
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            var take = newline < 0 ? available.Length : newline;
            if (length + take <= HazardLogFormat.MaxLineBytes)
            {
                content.Write(available[..take]);
            }

            length += take;
            _offset += take;
            _start += take;
            if (newline >= 0)
            {
                _start++;
                _offset++;
                line = new LogLine(++_number, lineOffset, Kept(content, length), length, Terminated: true);
                return true;
            }
        }
    }

    private static ReadOnlyMemory<byte> Kept(MemoryStream content, long length) =>
        length > HazardLogFormat.MaxLineBytes ? ReadOnlyMemory<byte>.Empty : content.ToArray();
}
