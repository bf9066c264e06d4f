using System.Globalization;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Tests;

/// <summary>Hex helpers so frames in tests read like a bus trace: "01 03 00 00 00 0A C5 CD".</summary>
internal static class TestBytes
{
    /// <summary>FsCheck replay seed: properties run the same cases on every run.</summary>
    public const string Seed = "(20251123,54321)";

    public static byte[] Hex(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    /// <summary>The frame of <paramref name="payload"/> (hex) with its CRC-16 appended, low byte first.</summary>
    public static byte[] WithCrc(string payload)
    {
        var bytes = Hex(payload);
        var frame = new byte[bytes.Length + 2];
        bytes.CopyTo(frame, 0);
        Crc16.Write(bytes, frame.AsSpan(bytes.Length));
        return frame;
    }

    /// <summary>The failure the master's reply check reports for <paramref name="received"/>; fails the test on a success.</summary>
    public static ModbusFailure FailureOf(ModbusRequest request, byte[] received)
    {
        var result = ModbusReplyDecoder.Decode(request, received);
        Assert.False(result.IsSuccess, $"expected a failure, got {result}");
        return result.Failure;
    }

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
