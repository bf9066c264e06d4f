using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The tail anchor of a log, kept in a file of its own next to it (<see cref="PathFor"/>: <c>&lt;log&gt;.head</c>) and
/// replaced atomically after every high-priority record, flush and seal: which log it anchors, how many records were
/// on stable storage then, and the hash of the last of them. One line of JSON, properties in this order:
/// <c>{"format":1,"logId":"…","records":N,"lastHash":"&lt;64 hex&gt;"}</c>. The log can only grow past its head, so a log
/// with fewer records, or another hash at the head's last record, lost records from its end or was replaced. It holds
/// no secret: a log and its head rewritten together are not detected (README.md).
/// </summary>
public sealed record HazardLogHead
{
    /// <summary>The head format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Appended to the log's path to name its head file.</summary>
    public const string FileSuffix = ".head";

    /// <summary>A head is one short line; anything longer is not a head.</summary>
    public const int MaxBytes = 4096;

    public HazardLogHead(string logId, long recordCount, string lastHash)
    {
        LogId = EntryText.Required(logId, nameof(logId));
        // Record 0 (the header) is durable before the first head is written.
        RecordCount = recordCount >= 1
            ? recordCount
            : throw new ArgumentOutOfRangeException(nameof(recordCount), recordCount, "a head anchors at least the header record");
        LastHash = IsHash(lastHash) ? lastHash : throw new ArgumentException($"'{lastHash}' is not 64 lowercase hex digits", nameof(lastHash));
    }

    /// <summary>The log id of the log's header (record 0).</summary>
    public string LogId { get; }

    /// <summary>Records 0 … RecordCount − 1 were on stable storage when the head was written.</summary>
    public long RecordCount { get; }

    /// <summary>Hash of record RecordCount − 1.</summary>
    public string LastHash { get; }

    /// <summary>The head file of the log at <paramref name="logPath"/>.</summary>
    public static string PathFor(string logPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logPath);
        return logPath + FileSuffix;
    }

    /// <summary>The head's file content: one line of JSON ended by '\n'.</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteString("logId", LogId);
            json.WriteNumber("records", RecordCount);
            json.WriteString("lastHash", LastHash);
            json.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Reads a head file's content; false with the reason when it is not a well-formed head.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> content, out HazardLogHead? head, out string? problem)
    {
        try
        {
            head = Decode(content);
            problem = null;
            return true;
        }
        catch (HazardLogFormatException malformed)
        {
            head = null;
            problem = malformed.Message;
            return false;
        }
    }

    /// <summary>Reads a head file's content; throws <see cref="HazardLogFormatException"/> saying what is wrong.</summary>
    internal static HazardLogHead Decode(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0 || content.Length > MaxBytes || content[^1] != (byte)'\n' || content[..^1].IndexOf((byte)'\n') >= 0)
        {
            throw new HazardLogFormatException(string.Create(
                CultureInfo.InvariantCulture, $"a head is one line ended by a line break, at most {MaxBytes} bytes; found {content.Length} bytes"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content[..^1].ToArray());
        }
        catch (JsonException invalid)
        {
            throw new HazardLogFormatException($"invalid JSON: {invalid.Message}", invalid);
        }

        using (document)
        {
            var f = new JsonFieldReader(document.RootElement, "head");
            var format = f.Int("format");
            if (format != FormatVersion)
            {
                throw new HazardLogFormatException(string.Create(CultureInfo.InvariantCulture, $"head: unsupported format {format} (this code reads {FormatVersion})"));
            }

            var logId = f.String("logId");
            var records = f.Long("records");
            var lastHash = f.String("lastHash");
            f.End();
            try
            {
                return new HazardLogHead(logId, records, lastHash);
            }
            catch (ArgumentException invalid)
            {
                throw new HazardLogFormatException($"head: {invalid.Message}", invalid);
            }
        }
    }

    private static bool IsHash(string? text) =>
        text is { Length: HazardLogFormat.HashLength } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RecordCount} records of log {LogId}, last hash {LastHash}");
}
