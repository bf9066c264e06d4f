using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

public class ModbusRequestTests
{
    [Fact]
    public void Read_holding_request_encodes_as_on_the_wire()
    {
        var request = new ReadRegistersRequest(1, ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        Assert.Equal("01 03 00 00 00 0A C5 CD", ToHex(request.Encode()));
        Assert.Equal(5 + 20, request.ExpectedReplyLength);
    }

    [Fact]
    public void Write_single_request_encodes_address_and_value_big_endian()
    {
        var request = new WriteSingleRegisterRequest(2, 5, 0x5AFE);
        var frame = request.Encode();
        Assert.Equal("02 06 00 05 5A FE", ToHex(frame.AsSpan(0, 6)));
        Assert.True(Crc16.IsValid(frame));
        Assert.Equal(8, request.ExpectedReplyLength);
    }

    [Fact]
    public void Write_multiple_request_carries_quantity_byte_count_and_values()
    {
        var request = new WriteMultipleRegistersRequest(2, 0, [500, 1200, 1, 1, 0xBEEF]);
        var frame = request.Encode();
        Assert.Equal("02 10 00 00 00 05 0A 01 F4 04 B0 00 01 00 01 BE EF", ToHex(frame.AsSpan(0, frame.Length - 2)));
        Assert.True(Crc16.IsValid(frame));
        Assert.Equal(8, request.ExpectedReplyLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(126)]
    public void Read_quantity_outside_1_to_125_is_refused_with_the_bound(int quantity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReadRegistersRequest(1, ModbusFunctionCode.ReadInputRegisters, 0, (ushort)quantity));
        Assert.Contains("1..125", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_quantity_above_123_is_refused_with_the_bound()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WriteMultipleRegistersRequest(1, 0, new ushort[124]));
        Assert.Contains("1..123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_range_past_65535_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReadRegistersRequest(1, ModbusFunctionCode.ReadHoldingRegisters, 65530, 10));
        Assert.Contains("65535", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_request_must_be_fc03_or_fc04()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReadRegistersRequest(1, ModbusFunctionCode.WriteSingleRegister, 0, 1));
    }

    [Fact]
    public void Unit_addresses_above_247_are_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WriteSingleRegisterRequest(248, 0, 0));
        Assert.Contains("247", ex.Message, StringComparison.Ordinal);
    }

    [Property(Replay = Seed)]
    public bool Read_requests_round_trip_through_the_slave_decoder(byte unit, bool holding, ushort start, PositiveInt quantity)
    {
        var q = (ushort)(1 + (quantity.Get % ModbusLimits.MaxReadQuantity));
        var request = new ReadRegistersRequest(
            (byte)(1 + (unit % 247)),
            holding ? ModbusFunctionCode.ReadHoldingRegisters : ModbusFunctionCode.ReadInputRegisters,
            (ushort)Math.Min(start, 0x10000 - q),
            q);
        var decoded = ModbusRequestDecoder.Decode(request.Encode());
        return decoded.Outcome == RequestDecodeOutcome.Request && request.Equals(decoded.Request);
    }

    [Property(Replay = Seed)]
    public bool Write_single_requests_round_trip(byte unit, ushort address, ushort value)
    {
        var request = new WriteSingleRegisterRequest((byte)(1 + (unit % 247)), address, value);
        var decoded = ModbusRequestDecoder.Decode(request.Encode());
        return decoded.Outcome == RequestDecodeOutcome.Request && request.Equals(decoded.Request);
    }

    [Property(Replay = Seed)]
    public bool Write_multiple_requests_round_trip(byte unit, ushort start, NonEmptyArray<ushort> values)
    {
        var v = values.Get.Take(ModbusLimits.MaxWriteQuantity).ToArray();
        var request = new WriteMultipleRegistersRequest((byte)(1 + (unit % 247)), (ushort)Math.Min(start, 0x10000 - v.Length), v);
        var decoded = ModbusRequestDecoder.Decode(request.Encode());
        return decoded.Outcome == RequestDecodeOutcome.Request && request.Equals(decoded.Request);
    }
}
