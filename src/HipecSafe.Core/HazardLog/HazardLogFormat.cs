using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The on-disk form of a record: one line of compact JSON with the properties in a fixed order,
/// <c>seq, procedureTime, utc, priority, kind, fields, prev, hash</c>, ended by '\n'.
/// The canonical bytes of a record are the line without its <c>,"hash":"…"</c> property (so they end in <c>}</c>);
/// <c>hash = hex(SHA-256(canonical bytes ‖ previous record's hash as 64 ASCII hex digits))</c>.
/// Because the hash is taken over the bytes as written, verification never depends on re-serializing.
/// </summary>
public static class HazardLogFormat
{
    /// <summary>The format this code writes and verifies; record 0 names it.</summary>
    public const int Version = 1;

    /// <summary>Length of a hash in hex digits (SHA-256).</summary>
    public const int HashLength = 64;

    /// <summary>No record may be longer than this; a longer "line" is damage, not a record.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>The previous-hash of record 0.</summary>
    public static string GenesisHash { get; } = new('0', HashLength);

    internal const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static ReadOnlySpan<byte> HashPropertyStart => ",\"hash\":\""u8;

    private static ReadOnlySpan<byte> HashPropertyEnd => "\"}"u8;

    /// <summary>Length of <c>,"hash":"&lt;64 hex&gt;"}</c>, the fixed tail of every line (without '\n').</summary>
    internal static int HashSuffixLength => HashPropertyStart.Length + HashLength + HashPropertyEnd.Length;

    private static readonly JsonWriterOptions CanonicalWriter = new()
    {
        Indented = false,
        // Readable units ("°C") in the file; the escaping is fixed either way, and control characters (so '\n') are
        // always escaped, which keeps one record per line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonEncodedText SeqName = JsonEncodedText.Encode("seq");
    private static readonly JsonEncodedText ProcedureTimeName = JsonEncodedText.Encode("procedureTime");
    private static readonly JsonEncodedText UtcName = JsonEncodedText.Encode("utc");
    private static readonly JsonEncodedText PriorityName = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText PrevName = JsonEncodedText.Encode("prev");

    // One encoder per thread, reused record after record: the JSON writer asks its buffer for 4 KiB at a time, so a
    // fresh buffer per record allocated more than everything else of a lockstep cycle.
    [ThreadStatic]
    private static CanonicalEncoder? t_encoder;

    /// <summary>The canonical bytes of a record (everything but its hash).</summary>
    internal static byte[] EncodeCanonical(
        long sequence, TimeSpan procedureTime, DateTimeOffset wallClockUtc, LogPriority priority, HazardLogEntry entry, string previousHash)
    {
        var encoder = t_encoder ??= new CanonicalEncoder();
        return encoder.Canonical(sequence, procedureTime, wallClockUtc, priority, entry, previousHash).ToArray();
    }

    /// <summary>
    /// The full line of a record and its hash: <see cref="EncodeLine"/> of <see cref="EncodeCanonical"/> with
    /// <see cref="ComputeHash"/>, the canonical bytes kept in the thread's reused buffer.
    /// </summary>
    internal static byte[] EncodeSealedLine(
        long sequence, TimeSpan procedureTime, DateTimeOffset wallClockUtc, LogPriority priority, HazardLogEntry entry, string previousHash,
        out string hash)
    {
        var encoder = t_encoder ??= new CanonicalEncoder();
        var canonicalLength = encoder.Canonical(sequence, procedureTime, wallClockUtc, priority, entry, previousHash).Length;
        var hashed = encoder.AppendAscii(previousHash);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(hashed, digest);
        hash = Convert.ToHexStringLower(digest);
        return EncodeLine(hashed[..canonicalLength], hash);
    }

    /// <summary>The hash of a record from its canonical bytes and the previous record's hash.</summary>
    public static string ComputeHash(ReadOnlySpan<byte> canonical, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var length = canonical.Length + Encoding.ASCII.GetByteCount(previousHash);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            canonical.CopyTo(rented);
            Encoding.ASCII.GetBytes(previousHash, rented.AsSpan(canonical.Length));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>An enum's names, encoded once: each record names its priority and kind.</summary>
    private static class EnumText<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, JsonEncodedText> Names =
            Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));

        public static void Write(Utf8JsonWriter json, JsonEncodedText name, T value)
        {
            if (Names.TryGetValue(value, out var text))
            {
                json.WriteString(name, text);
            }
            else
            {
                json.WriteString(name, value.ToString()); // an undefined value, written as ToString gives it
            }
        }
    }

    /// <summary>A reusable buffer and JSON writer for the canonical bytes of one record at a time.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
        "lives as long as its thread; a JSON writer over an ArrayBufferWriter holds no pooled or unmanaged resource")]
    private sealed class CanonicalEncoder
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(8 * 1024);
        private readonly Utf8JsonWriter _json;

        public CanonicalEncoder() => _json = new Utf8JsonWriter(_buffer, CanonicalWriter);

        /// <summary>Writes the canonical bytes afresh; valid until the next call on this thread.</summary>
        public ReadOnlySpan<byte> Canonical(
            long sequence, TimeSpan procedureTime, DateTimeOffset wallClockUtc, LogPriority priority, HazardLogEntry entry, string previousHash)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer); // also after a write that threw half-way
            Span<char> text = stackalloc char[64];
            _json.WriteStartObject();
            _json.WriteNumber(SeqName, sequence);
            _json.WriteString(ProcedureTimeName, Formatted(text, procedureTime.TryFormat(text, out var n, "c", CultureInfo.InvariantCulture), n));
            // "O" of a UTC time is UtcFormat, character for character, by the runtime's fast path.
            _json.WriteString(UtcName, Formatted(text, wallClockUtc.UtcDateTime.TryFormat(text, out n, "O", CultureInfo.InvariantCulture), n));
            EnumText<LogPriority>.Write(_json, PriorityName, priority);
            EnumText<HazardLogKind>.Write(_json, KindName, entry.Kind);
            HazardLogEntryCodec.Write(_json, entry);
            _json.WriteString(PrevName, previousHash);
            _json.WriteEndObject();
            _json.Flush();
            return _buffer.WrittenSpan;
        }

        /// <summary>Appends <paramref name="text"/> as ASCII after what is written; returns everything written.</summary>
        public ReadOnlySpan<byte> AppendAscii(string text)
        {
            var count = Encoding.ASCII.GetByteCount(text);
            Encoding.ASCII.GetBytes(text, _buffer.GetSpan(count));
            _buffer.Advance(count);
            return _buffer.WrittenSpan;
        }

        private static ReadOnlySpan<char> Formatted(Span<char> text, bool formatted, int length) =>
            formatted ? text[..length] : throw new FormatException("a time did not fit its 64-character buffer");
    }

    /// <summary>The full line: canonical bytes with the hash property spliced in before the closing brace, then '\n'.</summary>
    internal static byte[] EncodeLine(ReadOnlySpan<byte> canonical, string hash)
    {
        var line = new byte[canonical.Length - 1 + HashSuffixLength + 1];
        canonical[..^1].CopyTo(line);
        var at = canonical.Length - 1;
        HashPropertyStart.CopyTo(line.AsSpan(at));
        at += HashPropertyStart.Length;
        Encoding.ASCII.GetBytes(hash, line.AsSpan(at));
        at += HashLength;
        HashPropertyEnd.CopyTo(line.AsSpan(at));
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>
    /// Reads one line (without its '\n') into a record and the hash its content actually has. Throws
    /// <see cref="HazardLogFormatException"/> naming the property when the line is not a well-formed record.
    /// </summary>
    internal static DecodedLine Decode(ReadOnlyMemory<byte> line)
    {
        var suffixStart = line.Length - HashSuffixLength;
        if (suffixStart < 2
            || !line.Span[suffixStart..].StartsWith(HashPropertyStart)
            || !line.Span[^HashPropertyEnd.Length..].SequenceEqual(HashPropertyEnd)
            || !IsLowerHex(line.Span.Slice(suffixStart + HashPropertyStart.Length, HashLength)))
        {
            throw new HazardLogFormatException(
                "the line does not end with the hash property ,\"hash\":\"<64 lowercase hex digits>\"}");
        }

        var invalidAt = FirstInvalidUtf8(line.Span);
        if (invalidAt >= 0)
        {
            throw new HazardLogFormatException(
                string.Create(CultureInfo.InvariantCulture, $"the line is not valid UTF-8 (byte {invalidAt} of the line)"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException invalid)
        {
            throw new HazardLogFormatException($"invalid JSON: {invalid.Message}", invalid);
        }

        using (document)
        {
            var f = new JsonFieldReader(document.RootElement, "record");
            var sequence = f.Long("seq");
            var procedureTime = f.TimeSpan("procedureTime");
            var utc = f.Utc("utc");
            var priority = f.Enum<LogPriority>("priority");
            var kind = f.Enum<HazardLogKind>("kind");
            var entry = HazardLogEntryCodec.Read(kind, f.Next("fields"));
            var previous = f.String("prev");
            if (previous.Length != HashLength || !IsLowerHex(Encoding.ASCII.GetBytes(previous)))
            {
                throw new HazardLogFormatException($"record: property 'prev' is '{previous}', not 64 lowercase hex digits");
            }

            var hash = f.String("hash");
            f.End();
            var record = new HazardLogRecord(sequence, procedureTime, utc, priority, entry, previous, hash);
            var actual = ComputeHash(WithClosingBrace(line.Span[..suffixStart]), previous);
            return new DecodedLine(record, actual);
        }
    }

    private static byte[] WithClosingBrace(ReadOnlySpan<byte> withoutBrace)
    {
        var canonical = new byte[withoutBrace.Length + 1];
        withoutBrace.CopyTo(canonical);
        canonical[^1] = (byte)'}';
        return canonical;
    }

    /// <summary>Index of the first byte that is not part of valid UTF-8, or -1.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    private static bool IsLowerHex(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f')))
            {
                return false;
            }
        }

        return true;
    }
}
