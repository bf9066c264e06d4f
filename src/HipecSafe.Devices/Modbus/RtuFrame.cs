using System.Buffers.Binary;

namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Builds and reads RTU frames: address, function code, data (big-endian words), CRC low byte first. Public because
/// a slave on the other end of the line (the HIL rig's) frames the same way; it has no state and no I/O.
/// </summary>
public static class RtuFrame
{
    /// <summary>Frame = unit, function code, <paramref name="data"/>, CRC.</summary>
    public static byte[] Build(byte unit, byte functionCode, ReadOnlySpan<byte> data)
    {
        var frame = new byte[2 + data.Length + Crc16.Length];
        frame[0] = unit;
        frame[1] = functionCode;
        data.CopyTo(frame.AsSpan(2));
        Crc16.Write(frame.AsSpan(0, frame.Length - Crc16.Length), frame.AsSpan(frame.Length - Crc16.Length));
        return frame;
    }

    public static ushort Word(ReadOnlySpan<byte> frame, int offset) => BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);

    public static void PutWord(Span<byte> destination, int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], value);

    public static ushort[] Words(ReadOnlySpan<byte> data, int count)
    {
        var values = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Word(data, 2 * i);
        }

        return values;
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
