namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Character-based timing of an RTU line (MODBUS over Serial Line V1.02 §2.5.1.1): a character is 11 bits; frames
/// are separated by at least 3.5 character times of silence. Above 19200 baud the spec fixes the silence at
/// 1.750 ms and the inter-character timeout at 0.750 ms instead of scaling them.
/// </summary>
public sealed record SerialLineTiming
{
    private const int BitsPerCharacter = 11;
    private const int FixedTimingAboveBaud = 19200;

    public SerialLineTiming(int baudRate)
    {
        if (baudRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "baud rate must be positive");
        }

        BaudRate = baudRate;
    }

    public static SerialLineTiming Default { get; } = new(115200);

    public int BaudRate { get; }

    /// <summary>Time one 11-bit character takes on the wire.</summary>
    public TimeSpan CharacterTime => TimeSpan.FromTicks((long)Math.Ceiling(BitsPerCharacter * TimeSpan.TicksPerSecond / (double)BaudRate));

    /// <summary>t3.5: the silence that ends a frame and must precede the next.</summary>
    public TimeSpan InterFrameSilence => BaudRate > FixedTimingAboveBaud
        ? TimeSpan.FromMicroseconds(1750)
        : TimeSpan.FromTicks((long)Math.Ceiling(3.5 * CharacterTime.Ticks));

    /// <summary>t1.5: the longest gap allowed between characters of one frame.</summary>
    public TimeSpan InterCharacterTimeout => BaudRate > FixedTimingAboveBaud
        ? TimeSpan.FromMicroseconds(750)
        : TimeSpan.FromTicks((long)Math.Ceiling(1.5 * CharacterTime.Ticks));

    /// <summary>Time <paramref name="bytes"/> characters take on the wire.</summary>
    public TimeSpan WireTime(int bytes) => TimeSpan.FromTicks(CharacterTime.Ticks * bytes);
}
