using HipecSafe.Devices.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

/// <summary>Master-side reply checks at their edges: short frames with a valid CRC, exception replies of the wrong length.</summary>
public class ModbusReplyDecoderBoundaryTests
{
    private static readonly ReadRegistersRequest ReadTwo = new(1, ModbusFunctionCode.ReadHoldingRegisters, 0, 2);

    [Fact]
    public void A_null_request_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => ModbusReplyDecoder.Decode(null!, Hex("01 03")));
        Assert.Throws<ArgumentNullException>(() => ModbusReplyDecoder.Decode(null!, []));
        Assert.Throws<ArgumentNullException>(() => ModbusReplyDecoder.ExpectedLength(null!, 0x03));
    }

    [Fact]
    public void A_single_byte_is_truncated_against_the_normal_reply_length()
    {
        var failure = FailureOf(ReadTwo, Hex("01"));
        Assert.Equal(ModbusFailureKind.Truncated, failure.Kind);
        Assert.Contains("received 1 of 9 bytes", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_bytes_announcing_an_exception_are_truncated_against_the_exception_length()
    {
        var failure = FailureOf(ReadTwo, Hex("01 83"));
        Assert.Equal(ModbusFailureKind.Truncated, failure.Kind);
        Assert.Contains("received 2 of 5 bytes", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_reply_with_a_corrupted_crc_is_a_crc_error_not_a_truncation()
    {
        var reply = WithCrc("01 83 02");
        reply[^1] ^= 0x01;
        Assert.Equal(ModbusFailureKind.CrcError, FailureOf(ReadTwo, reply).Kind);
    }

    [Fact]
    public void A_four_byte_crc_valid_reply_from_another_unit_is_classified_not_called_truncated()
    {
        var failure = FailureOf(ReadTwo, WithCrc("02 03"));
        Assert.Equal(ModbusFailureKind.WrongAddress, failure.Kind);
    }

    [Fact]
    public void A_four_byte_crc_valid_exception_reply_is_malformed_for_its_length()
    {
        var failure = FailureOf(ReadTwo, WithCrc("01 83"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("exception reply of 4 bytes, expected 5", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_read_reply_with_the_right_byte_count_is_malformed_naming_the_expected_length()
    {
        // Byte count 4 matches two registers, but only one register's bytes came (CRC valid over what came).
        var failure = FailureOf(ReadTwo, WithCrc("01 03 04 00 01"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("frame of 7 bytes, expected 9", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_crc_valid_write_single_echo_is_malformed()
    {
        var failure = FailureOf(new WriteSingleRegisterRequest(1, 1, 5), WithCrc("01 06 00 01"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("frame of 6 bytes, expected 8", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_crc_valid_write_multiple_reply_is_malformed()
    {
        var failure = FailureOf(new WriteMultipleRegistersRequest(1, 0, [1, 2]), WithCrc("01 10 00 00"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("frame of 6 bytes, expected 8", failure.Detail, StringComparison.Ordinal);
    }
}
