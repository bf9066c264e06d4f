using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

public class ModbusReplyDecoderTests
{
    private static readonly ReadRegistersRequest ReadTwo = new(1, ModbusFunctionCode.ReadHoldingRegisters, 0, 2);

    [Fact]
    public void A_correct_read_reply_yields_the_registers()
    {
        var result = ModbusReplyDecoder.Decode(ReadTwo, WithCrc("01 03 04 12 34 AB CD"));
        Assert.True(result.IsSuccess);
        Assert.Equal(new ushort[] { 0x1234, 0xABCD }, result.Value);
    }

    [Fact]
    public void Nothing_received_is_a_timeout()
    {
        Assert.Equal(ModbusFailureKind.Timeout, FailureOf(ReadTwo, []).Kind);
    }

    [Fact]
    public void Fewer_bytes_than_expected_is_truncated()
    {
        var failure = FailureOf(ReadTwo, Hex("01 03 04 12 34"));
        Assert.Equal(ModbusFailureKind.Truncated, failure.Kind);
        Assert.Contains("received 5 of 9 bytes", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_crc_is_a_crc_error_naming_both_values()
    {
        var frame = WithCrc("01 03 04 12 34 AB CD");
        frame[4] ^= 0x01;
        var failure = FailureOf(ReadTwo, frame);
        Assert.Equal(ModbusFailureKind.CrcError, failure.Kind);
        Assert.Contains("computed over 7 bytes", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_from_another_unit_is_wrong_address()
    {
        var failure = FailureOf(ReadTwo, WithCrc("02 03 04 12 34 AB CD"));
        Assert.Equal(ModbusFailureKind.WrongAddress, failure.Kind);
        Assert.Contains("reply from unit 2, expected unit 1", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_with_another_function_is_wrong_function()
    {
        var failure = FailureOf(ReadTwo, WithCrc("01 04 04 12 34 AB CD"));
        Assert.Equal(ModbusFailureKind.WrongFunction, failure.Kind);
        Assert.Contains("function 0x04 in reply, expected 0x03 or 0x83", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_reply_is_recognised_from_its_header_and_carries_the_code()
    {
        var failure = FailureOf(ReadTwo, WithCrc("01 83 02"));
        Assert.Equal(ModbusFailureKind.ExceptionReply, failure.Kind);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, failure.ExceptionCode);
        Assert.Equal(5, ModbusReplyDecoder.ExpectedLength(ReadTwo, 0x83));
    }

    [Fact]
    public void An_exception_reply_with_code_zero_is_malformed()
    {
        Assert.Equal(ModbusFailureKind.Malformed, FailureOf(ReadTwo, WithCrc("01 83 00")).Kind);
    }

    [Fact]
    public void An_exception_reply_for_another_function_is_wrong_function()
    {
        Assert.Equal(ModbusFailureKind.WrongFunction, FailureOf(ReadTwo, WithCrc("01 84 02 00 00 00 00")).Kind);
    }

    [Fact]
    public void A_byte_count_that_contradicts_the_request_is_malformed()
    {
        // A complete, CRC-valid frame of 4 registers where 2 were asked: shorter frames fail as Truncated unless valid.
        var failure = FailureOf(ReadTwo, WithCrc("01 03 02 12 34"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("byte count 2, expected 4", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_byte_count_in_a_full_length_frame_is_a_crc_error()
    {
        var frame = WithCrc("01 03 04 12 34 AB CD");
        frame[2] = 0x06;
        Assert.Equal(ModbusFailureKind.CrcError, FailureOf(ReadTwo, frame).Kind);
    }

    [Fact]
    public void A_write_single_echo_that_differs_is_malformed()
    {
        var request = new WriteSingleRegisterRequest(2, 5, 0x5AFE);
        var failure = FailureOf(request, WithCrc("02 06 00 05 5A FF"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("register 5 = 0x5AFF, request was register 5 = 0x5AFE", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_multiple_reply_with_another_quantity_is_malformed()
    {
        var request = new WriteMultipleRegistersRequest(2, 0, [1, 2, 3, 4, 5]);
        var failure = FailureOf(request, WithCrc("02 10 00 00 00 04"));
        Assert.Equal(ModbusFailureKind.Malformed, failure.Kind);
        Assert.Contains("4 registers from 0, request was 5 from 0", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replies_that_match_succeed_with_no_registers()
    {
        Assert.True(ModbusReplyDecoder.Decode(new WriteSingleRegisterRequest(2, 5, 0x5AFE), WithCrc("02 06 00 05 5A FE")).IsSuccess);
        Assert.True(ModbusReplyDecoder.Decode(new WriteMultipleRegistersRequest(2, 0, [1, 2, 3, 4, 5]), WithCrc("02 10 00 00 00 05")).IsSuccess);
    }

    [Property(Replay = Seed)]
    public bool Read_replies_round_trip_from_slave_encoder_to_master_decoder(byte unit, bool holding, NonEmptyArray<ushort> values)
    {
        var registers = values.Get.Take(ModbusLimits.MaxReadQuantity).ToArray();
        var u = (byte)(1 + (unit % 247));
        var function = holding ? ModbusFunctionCode.ReadHoldingRegisters : ModbusFunctionCode.ReadInputRegisters;
        var request = new ReadRegistersRequest(u, function, 0, (ushort)registers.Length);
        var reply = ModbusReplies.ReadRegisters(u, function, registers);
        var decoded = ModbusReplyDecoder.Decode(request, reply);
        return reply.Length == request.ExpectedReplyLength && decoded.IsSuccess && decoded.Value.SequenceEqual(registers);
    }

    [Property(Replay = Seed)]
    public bool Exception_replies_round_trip(byte unit, bool holding, byte code)
    {
        var u = (byte)(1 + (unit % 247));
        var c = (byte)(1 + (code % 255));
        var function = holding ? ModbusFunctionCode.ReadHoldingRegisters : ModbusFunctionCode.ReadInputRegisters;
        var request = new ReadRegistersRequest(u, function, 0, 1);
        var decoded = ModbusReplyDecoder.Decode(request, ModbusReplies.Exception(u, (byte)function, (ModbusExceptionCode)c));
        return decoded.Failure is { Kind: ModbusFailureKind.ExceptionReply } failure && (byte)failure.ExceptionCode!.Value == c;
    }

    [Property(Replay = Seed)]
    public bool Any_corruption_of_a_reply_is_caught_never_accepted_as_other_data(NonEmptyArray<ushort> values, int position, byte xor)
    {
        var registers = values.Get.Take(ModbusLimits.MaxReadQuantity).ToArray();
        var request = new ReadRegistersRequest(1, ModbusFunctionCode.ReadInputRegisters, 0, (ushort)registers.Length);
        var reply = ModbusReplies.ReadRegisters(1, ModbusFunctionCode.ReadInputRegisters, registers);
        reply[Math.Abs(position % reply.Length)] ^= (byte)(xor == 0 ? 1 : xor);
        var decoded = ModbusReplyDecoder.Decode(request, reply);
        return !decoded.IsSuccess;
    }

    private static readonly WriteMultipleRegistersRequest WriteFive = new(2, 0, [1, 2, 3, 4, 5]);

    // docs/icd.md §1 lengths: FC 0x03 reply 5 + 2N (N = 2: 9), FC 0x10 reply 8, exception reply 5.
    [Theory]
    [InlineData("", ModbusReplyDecoder.NeedMoreBytes)]
    [InlineData("01", ModbusReplyDecoder.NeedMoreBytes)]
    [InlineData("01 03", ModbusReplyDecoder.NeedMoreBytes)] // a read's length is in its byte count
    [InlineData("01 03 04", 9)]
    [InlineData("01 83", 5)]
    [InlineData("02", ModbusReplyDecoder.NotThisReply)] // another unit
    [InlineData("01 04", ModbusReplyDecoder.NotThisReply)] // another function
    [InlineData("01 84", ModbusReplyDecoder.NotThisReply)] // another function's exception
    [InlineData("01 03 02", ModbusReplyDecoder.NotThisReply)] // another length: one register, two were asked
    [InlineData("01 03 08", ModbusReplyDecoder.NotThisReply)]
    public void The_header_tells_whether_a_frame_can_be_the_reply_to_a_read(string head, int expected)
    {
        Assert.Equal(expected, ModbusReplyDecoder.MatchedLength(ReadTwo, Hex(head)));
    }

    [Theory]
    [InlineData("02 10", 8)]
    [InlineData("02 90", 5)]
    [InlineData("02 03", ModbusReplyDecoder.NotThisReply)] // the late reply to the FC 0x03 read before the write
    [InlineData("01 10", ModbusReplyDecoder.NotThisReply)]
    public void The_header_tells_whether_a_frame_can_be_the_reply_to_a_write(string head, int expected)
    {
        Assert.Equal(expected, ModbusReplyDecoder.MatchedLength(WriteFive, Hex(head)));
    }

    [Fact]
    public void The_master_reads_the_byte_count_of_a_read_and_only_the_function_of_a_write_before_deciding()
    {
        Assert.Equal(3, ModbusReplyDecoder.HeaderLength(ReadTwo));
        Assert.Equal(2, ModbusReplyDecoder.HeaderLength(WriteFive));
    }

    [Theory]
    [InlineData("02 03 04 00 01 00 02 crc", ModbusFailureKind.WrongFunction, "function 0x03 in reply, expected 0x10 or 0x90")]
    [InlineData("01 10 00 00 00 05 crc", ModbusFailureKind.WrongAddress, "reply from unit 1, expected unit 2")]
    [InlineData("FF 00 13", ModbusFailureKind.CrcError, "3 bytes that form no frame (noise or a corrupted frame): FF0013")]
    public void Discarded_bytes_are_classified_for_the_failure_they_leave(string discarded, ModbusFailureKind kind, string detail)
    {
        var bytes = discarded.EndsWith(" crc", StringComparison.Ordinal) ? WithCrc(discarded[..^4]) : Hex(discarded);

        var failure = ModbusReplyDecoder.ForeignFrameFailure(WriteFive, bytes);

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(detail, failure.Detail);
    }
}
