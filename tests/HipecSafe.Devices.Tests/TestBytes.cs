using System.Globalization;

namespace HipecSafe.Devices.Tests;

/// <summary>Hex helpers so frames in tests read like a bus trace: "01 03 00 00 00 0A C5 CD".</summary>
internal static class TestBytes
{
    /// <summary>FsCheck replay seed: properties run the same cases on every run.</summary>
    public const string Seed = "(20251123,54321)";

    public static byte[] Hex(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    public static string ToHex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>Bit-at-a-time CRC-16/MODBUS, written independently of the table-driven one under test.</summary>
    public static ushort ReferenceCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
