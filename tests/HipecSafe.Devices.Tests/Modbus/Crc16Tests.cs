using System.Text;
using FsCheck.Xunit;
using HipecSafe.Devices.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

public class Crc16Tests
{
    [Theory]
    [InlineData("01 03 00 00 00 0A", "C5 CD")] // read 10 holding registers from unit 1 (classic trace)
    [InlineData("02 07", "41 12")] // MODBUS over Serial Line V1.02 appendix B example: CRC 0x1241, low byte first
    [InlineData("01 04 00 00 00 0F", "B0 0E")] // the sensor board read (FC 0x04, registers 0..14)
    public void Known_vectors_are_appended_low_byte_first(string payload, string crc)
    {
        var bytes = Hex(payload);
        var destination = new byte[2];
        Crc16.Write(bytes, destination);
        Assert.Equal(crc, ToHex(destination));
        Assert.True(Crc16.IsValid([.. bytes, .. destination]));
    }

    [Fact]
    public void Check_value_of_the_standard_catalogue_matches()
    {
        // CRC-16/MODBUS check value over ASCII "123456789" is 0x4B37.
        Assert.Equal(0x4B37, Crc16.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Property(Replay = Seed)]
    public bool Table_driven_crc_equals_bitwise_reference(byte[] data) =>
        Crc16.Compute(data) == ReferenceCrc(data);

    [Property(Replay = Seed)]
    public bool Any_single_bit_flip_is_detected(byte[] payload, int position, int bit)
    {
        var frame = new byte[payload.Length + 2];
        payload.CopyTo(frame, 0);
        Crc16.Write(payload, frame.AsSpan(payload.Length));
        var index = Math.Abs(position % frame.Length);
        frame[index] ^= (byte)(1 << Math.Abs(bit % 8));
        return !Crc16.IsValid(frame);
    }

    [Fact]
    public void Frames_too_short_to_carry_a_crc_are_invalid()
    {
        Assert.False(Crc16.IsValid([]));
        Assert.False(Crc16.IsValid([0xFF, 0xFF]));
    }

    [Fact]
    public void Write_refuses_a_destination_shorter_than_two_bytes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Crc16.Write([1, 2], new byte[1]));
        Assert.Contains("2 bytes", ex.Message, StringComparison.Ordinal);
    }
}
