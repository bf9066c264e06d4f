using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Hil.Bus.Tests.Modbus;

/// <summary>Slave-side request checks at the limits of the Modbus spec: largest quantities, last address, frame length.</summary>
public class ModbusRequestDecoderBoundaryTests
{
    private static string Zeros(int count) => string.Join(' ', Enumerable.Repeat("00", count));

    [Theory]
    [InlineData("", ModbusRequestDecoder.NeedMoreBytes)]
    [InlineData("01", ModbusRequestDecoder.NeedMoreBytes)]
    [InlineData("01 03", 8)]
    [InlineData("01 06", 8)]
    [InlineData("01 2B", ModbusRequestDecoder.UnknownLength)]
    [InlineData("01 10 00 00 00 01", ModbusRequestDecoder.NeedMoreBytes)]
    [InlineData("01 10 00 00 00 01 02", 11)]
    public void Request_length_is_known_from_the_function_code_and_for_fc16_from_the_byte_count(string head, int expected)
    {
        Assert.Equal(expected, ModbusRequestDecoder.RequestLength(Hex(head)));
    }

    [Fact]
    public void A_single_byte_is_malformed_with_function_zero_not_a_crash()
    {
        var decoded = ModbusRequestDecoder.Decode(Hex("01"));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Equal(0, decoded.FunctionCode);
    }

    [Fact]
    public void A_frame_of_exactly_256_bytes_is_judged_on_its_content()
    {
        // FC 0x10 with byte count 247: 256 bytes, the largest legal RTU frame; 247 is odd, so the content is refused.
        var frame = WithCrc("01 10 00 00 00 7B F7 " + Zeros(247));
        Assert.Equal(ModbusLimits.MaxFrameLength, frame.Length);
        var decoded = ModbusRequestDecoder.Decode(frame);
        Assert.Equal(RequestDecodeOutcome.Refused, decoded.Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, decoded.Exception);
    }

    [Fact]
    public void A_frame_of_257_bytes_is_malformed_as_too_long()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 00 00 00 7C F8 " + Zeros(248)));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Contains("frame of 257 bytes is longer than the maximum 256", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crc_error_names_the_number_of_bytes_the_crc_was_computed_over()
    {
        var decoded = ModbusRequestDecoder.Decode(Hex("01 03 00 00 00 0A C5 CC"));
        Assert.Equal(RequestDecodeOutcome.CrcError, decoded.Outcome);
        Assert.Contains("computed over 6 bytes", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_of_125_registers_the_spec_maximum_is_accepted()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 03 00 00 00 7D"));
        Assert.Equal(RequestDecodeOutcome.Request, decoded.Outcome);
        Assert.Equal(125, Assert.IsType<ReadRegistersRequest>(decoded.Request).Quantity);
    }

    [Fact]
    public void A_read_ending_at_register_65535_is_accepted()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 04 FF F6 00 0A"));
        Assert.Equal(RequestDecodeOutcome.Request, decoded.Outcome);
        Assert.Equal(0xFFF6, Assert.IsType<ReadRegistersRequest>(decoded.Request).StartAddress);
    }

    [Fact]
    public void A_read_past_register_65535_names_the_register_range()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 03 FF FA 00 0A"));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, decoded.Exception);
        Assert.Contains("registers 65530..65539 run past address 65535", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_of_123_registers_the_spec_maximum_is_accepted()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 00 00 00 7B F6 " + Zeros(246)));
        Assert.Equal(RequestDecodeOutcome.Request, decoded.Outcome);
        Assert.Equal(123, Assert.IsType<WriteMultipleRegistersRequest>(decoded.Request).Quantity);
    }

    [Fact]
    public void A_write_ending_at_register_65535_is_accepted()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 FF FE 00 02 04 00 01 00 02"));
        Assert.Equal(RequestDecodeOutcome.Request, decoded.Outcome);
        Assert.Equal(new ushort[] { 1, 2 }, Assert.IsType<WriteMultipleRegistersRequest>(decoded.Request).Values);
    }

    [Fact]
    public void A_write_past_register_65535_names_the_register_range()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 FF FF 00 02 04 00 01 00 02"));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, decoded.Exception);
        Assert.Contains("registers 65535..65536 run past address 65535", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_multiple_shorter_than_its_header_is_malformed_with_byte_count_zero_not_a_crash()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 00 00"));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Contains("FC 0x10 request of 6 bytes does not match its byte count 0", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_multiple_with_fewer_data_bytes_than_its_byte_count_names_that_byte_count()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 00 00 00 02 04 00 01"));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Contains("FC 0x10 request of 11 bytes does not match its byte count 4", decoded.Detail, StringComparison.Ordinal);
    }
}
