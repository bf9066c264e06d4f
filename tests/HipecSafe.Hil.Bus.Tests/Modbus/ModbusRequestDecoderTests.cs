using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Hil.Bus.Tests.Modbus;

public class ModbusRequestDecoderTests
{
    [Theory]
    [InlineData("01 03 00 00 00 00", ModbusExceptionCode.IllegalDataValue, "quantity 0")] // quantity 0
    [InlineData("01 04 00 00 00 7E", ModbusExceptionCode.IllegalDataValue, "quantity 126")] // quantity 126
    [InlineData("01 03 FF FA 00 0A", ModbusExceptionCode.IllegalDataAddress, "65535")] // 65530 + 10 runs past the end
    [InlineData("01 01 00 00 00 08", ModbusExceptionCode.IllegalFunction, "0x01")] // read coils: unsupported
    [InlineData("01 2B 0E 01 00", ModbusExceptionCode.IllegalFunction, "0x2B")] // device identification: unsupported
    [InlineData("01 10 00 00 00 02 03 00 01 00", ModbusExceptionCode.IllegalDataValue, "byte count 3")] // byte count ≠ 2 × quantity
    [InlineData("01 10 00 00 00 00 00", ModbusExceptionCode.IllegalDataValue, "quantity 0")] // nothing to write
    [InlineData("01 10 FF FF 00 02 04 00 01 00 02", ModbusExceptionCode.IllegalDataAddress, "65535")]
    public void Invalid_requests_are_refused_with_the_spec_exception_code(string payload, ModbusExceptionCode code, string detail)
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc(payload));
        Assert.Equal(RequestDecodeOutcome.Refused, decoded.Outcome);
        Assert.Equal(code, decoded.Exception);
        Assert.Contains(detail, decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_quantity_124_is_refused_with_illegal_data_value()
    {
        // A full 124-register write cannot even fit a frame; quantity 124 with 246 data bytes still must be refused.
        var decoded = ModbusRequestDecoder.Decode(WithCrc("01 10 00 00 00 7C F6" + string.Concat(Enumerable.Repeat(" 00", 246))));
        Assert.Equal(RequestDecodeOutcome.Refused, decoded.Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, decoded.Exception);
        Assert.Contains("quantity 124", decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_crc_is_reported_with_both_values()
    {
        var frame = Hex("01 03 00 00 00 0A C5 CC");
        var decoded = ModbusRequestDecoder.Decode(frame);
        Assert.Equal(RequestDecodeOutcome.CrcError, decoded.Outcome);
        Assert.Contains("0xCCC5 received, 0xCDC5 computed", decoded.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01 03 00", "shorter than the minimum 4")]
    [InlineData("", "frame of 0 bytes")]
    public void Runts_are_malformed(string payload, string detail)
    {
        var decoded = ModbusRequestDecoder.Decode(Hex(payload));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Contains(detail, decoded.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01 03 00 00 00 0A 00", "expected 8")] // FC03 with a stray byte inside the CRC span
    [InlineData("01 06 00 01", "expected 8")]
    [InlineData("01 10 00 00 00 01 02 00", "byte count")]
    [InlineData("01 83 02", "exception bit")] // an exception reply is never answered (no echo loops)
    [InlineData("F8 03 00 00 00 01", "reserved")] // address 248 is reserved
    public void Frames_that_cannot_be_requests_are_malformed(string payload, string detail)
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc(payload));
        Assert.Equal(RequestDecodeOutcome.Malformed, decoded.Outcome);
        Assert.Contains(detail, decoded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Broadcast_requests_decode_with_unit_zero()
    {
        var decoded = ModbusRequestDecoder.Decode(WithCrc("00 06 00 01 00 07"));
        Assert.Equal(RequestDecodeOutcome.Request, decoded.Outcome);
        Assert.Equal(new WriteSingleRegisterRequest(0, 1, 7), decoded.Request);
    }
}
