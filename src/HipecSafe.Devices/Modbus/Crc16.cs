namespace HipecSafe.Devices.Modbus;

/// <summary>
/// The Modbus RTU CRC-16 (MODBUS over Serial Line V1.02 §6.2.2): reflected polynomial 0xA001, initial value 0xFFFF,
/// transmitted low byte first. Table-driven; the table is derived from the polynomial at start-up, not hard-coded.
/// </summary>
public static class Crc16
{
    private const ushort Polynomial = 0xA001;
    private const ushort Initial = 0xFFFF;

    /// <summary>Size of the CRC field at the end of every RTU frame.</summary>
    public const int Length = 2;

    private static readonly ushort[] Table = BuildTable();

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ Polynomial) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }

    /// <summary>CRC of <paramref name="data"/> as a number (low byte goes on the wire first).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = Initial;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="payload"/> into <paramref name="destination"/> (2 bytes, low byte first).</summary>
    public static void Write(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"CRC destination needs {Length} bytes, got {destination.Length}", nameof(destination));
        }

        var crc = Compute(payload);
        destination[0] = (byte)(crc & 0xFF);
        destination[1] = (byte)(crc >> 8);
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the bytes before them.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        if (frame.Length <= Length)
        {
            return false;
        }

        var payload = frame[..^Length];
        var crc = Compute(payload);
        return frame[^2] == (byte)(crc & 0xFF) && frame[^1] == (byte)(crc >> 8);
    }

    /// <summary>The CRC carried in the last two bytes of <paramref name="frame"/> (for diagnostics).</summary>
    public static ushort Carried(ReadOnlySpan<byte> frame) =>
        frame.Length < Length ? (ushort)0 : (ushort)(frame[^2] | (frame[^1] << 8));
}
