using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Hil.Bus.Tests.Modbus;

public class ModbusRtuSlaveTests
{
    private static readonly TimeSpan Silence = SerialLineTiming.Default.InterFrameSilence;

    private static (ModbusRtuSlave Slave, InMemoryRegisterBank Bank) Board(byte unit = 1)
    {
        var bank = new InMemoryRegisterBank(6, 15, (address, value) => address != 2 || value <= 1);
        return (new ModbusRtuSlave(unit, bank), bank);
    }

    [Fact]
    public void Answers_a_read_of_input_registers()
    {
        var (slave, bank) = Board();
        bank.SetInputs(0, [0x0102, 0x0304]);
        var reply = slave.HandleFrame(new ReadRegistersRequest(1, ModbusFunctionCode.ReadInputRegisters, 0, 2).Encode());
        Assert.Equal(ToHex(WithCrc("01 04 04 01 02 03 04")), ToHex(reply));
        Assert.Equal(1, slave.Statistics.RequestsAnswered);
    }

    [Fact]
    public void Answers_writes_and_applies_them()
    {
        var (slave, bank) = Board();
        Assert.Equal(ToHex(WithCrc("01 06 00 04 12 34")), ToHex(slave.HandleFrame(WithCrc("01 06 00 04 12 34"))));
        Assert.Equal(ToHex(WithCrc("01 10 00 00 00 02")), ToHex(slave.HandleFrame(WithCrc("01 10 00 00 00 02 04 00 0A 00 0B"))));
        Assert.Equal(new ushort[] { 10, 11, 0, 0, 0x1234, 0 }, bank.HoldingSnapshot());
        var holding = slave.HandleFrame(WithCrc("01 03 00 00 00 02"));
        Assert.Equal(ToHex(WithCrc("01 03 04 00 0A 00 0B")), ToHex(holding));
    }

    [Theory]
    [InlineData("01 01 00 00 00 08", "01 81 01")] // unsupported function → 0x01
    [InlineData("01 04 00 0E 00 02", "01 84 02")] // input registers 14..15, bank has 0..14 → 0x02
    [InlineData("01 06 00 06 00 01", "01 86 02")] // holding register 6 does not exist → 0x02
    [InlineData("01 06 00 02 00 05", "01 86 03")] // register 2 refuses value 5 → 0x03
    [InlineData("01 03 00 00 00 00", "01 83 03")] // quantity 0 → 0x03
    [InlineData("01 10 00 00 00 02 02 00 01", "01 90 03")] // byte count ≠ 2 × quantity → 0x03
    public void Refuses_with_the_right_exception_code(string request, string reply)
    {
        var (slave, _) = Board();
        Assert.Equal(ToHex(WithCrc(reply)), ToHex(slave.HandleFrame(WithCrc(request))));
        Assert.Equal(1, slave.Statistics.ExceptionRepliesSent);
    }

    [Fact]
    public void A_refused_multiple_write_changes_nothing()
    {
        var (slave, bank) = Board();
        slave.HandleFrame(WithCrc("01 10 00 01 00 02 04 00 07 00 09")); // register 2 refuses 9
        Assert.Equal(new ushort[6], bank.HoldingSnapshot());
    }

    [Fact]
    public void Frames_for_other_units_and_bad_crc_frames_are_ignored_and_counted()
    {
        var (slave, _) = Board();
        Assert.Null(slave.HandleFrame(WithCrc("02 04 00 00 00 01")));
        var corrupted = WithCrc("01 04 00 00 00 01");
        corrupted[5] ^= 0x80;
        Assert.Null(slave.HandleFrame(corrupted));
        Assert.Null(slave.HandleFrame(Hex("01 04")));

        var stats = slave.Statistics;
        Assert.Equal(1, stats.FramesForOtherUnits);
        Assert.Equal(1, stats.CrcErrors);
        Assert.Equal(1, stats.MalformedFrames);
        Assert.Equal(3, stats.FramesReceived);
        Assert.Equal(0, stats.RequestsAnswered);
    }

    [Fact]
    public void An_exception_reply_seen_on_the_line_is_never_answered()
    {
        var (slave, _) = Board();
        Assert.Null(slave.HandleFrame(WithCrc("01 81 01"))); // our own refusal echoed back must not start a loop
        Assert.Equal(1, slave.Statistics.MalformedFrames);
    }

    [Fact]
    public void Broadcast_writes_are_executed_without_a_reply_and_broadcast_reads_are_ignored()
    {
        var (slave, bank) = Board();
        Assert.Null(slave.HandleFrame(WithCrc("00 06 00 03 00 2A")));
        Assert.Null(slave.HandleFrame(WithCrc("00 04 00 00 00 01")));
        Assert.Equal(42, bank.GetHolding(3));
        Assert.Equal(1, slave.Statistics.BroadcastsExecuted);
        Assert.Equal(1, slave.Statistics.MalformedFrames);
    }

    [Fact]
    public void A_bank_that_throws_is_answered_with_server_device_failure()
    {
        var slave = new ModbusRtuSlave(1, new ThrowingBank());
        Assert.Equal(ToHex(WithCrc("01 84 04")), ToHex(slave.HandleFrame(WithCrc("01 04 00 00 00 01"))));
        Assert.Contains("sensor model crashed", slave.Statistics.LastProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_delivered_byte_by_byte_is_framed_by_length()
    {
        var (slave, _) = Board();
        var request = WithCrc("01 04 00 00 00 02");
        var replies = new List<byte[]>();
        for (var i = 0; i < request.Length; i++)
        {
            replies.AddRange(slave.Receive(request.AsSpan(i, 1), TimeSpan.FromMicroseconds(100 * i)));
        }

        Assert.Single(replies);
    }

    [Fact]
    public void Back_to_back_frames_in_one_chunk_are_all_answered()
    {
        var (slave, _) = Board();
        byte[] chunk = [.. WithCrc("01 04 00 00 00 01"), .. WithCrc("01 10 00 00 00 01 02 00 01"), .. WithCrc("01 03 00 00 00 01")];
        var replies = slave.Receive(chunk, TimeSpan.Zero);
        Assert.Equal(3, replies.Count);
        Assert.Equal(ToHex(WithCrc("01 03 02 00 01")), ToHex(replies[2]));
    }

    [Fact]
    public void Noise_glued_to_a_request_is_discarded_and_the_request_still_answered()
    {
        var (slave, _) = Board();
        byte[] chunk = [0xFF, 0x13, 0x01, 0x04, 0x99, .. WithCrc("01 04 00 00 00 01")];
        var replies = slave.Receive(chunk, TimeSpan.Zero);
        Assert.Single(replies);
        Assert.Equal(5, slave.Statistics.BytesDiscarded);
    }

    [Fact]
    public void Noise_followed_by_silence_is_flushed_as_one_bad_frame()
    {
        var (slave, _) = Board();
        Assert.Empty(slave.Receive([0x01, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x42], TimeSpan.Zero));
        Assert.Empty(slave.LineSilent(Silence));
        Assert.Equal(1, slave.Statistics.CrcErrors);
        Assert.Single(slave.Receive(WithCrc("01 04 00 00 00 01"), Silence * 2));
    }

    [Fact]
    public void A_gap_of_t35_between_chunks_ends_the_previous_frame()
    {
        var (slave, _) = Board();
        slave.Receive([0xF0, 0xF1, 0xF2, 0xF3], TimeSpan.Zero);
        var replies = slave.Receive(WithCrc("01 04 00 00 00 01"), Silence);
        Assert.Single(replies);
        Assert.Equal(1, slave.Statistics.CrcErrors); // the noise, judged as a frame of its own
    }

    [Fact]
    public void A_request_split_by_a_pause_is_kept_and_completed()
    {
        var (slave, _) = Board();
        var request = WithCrc("01 04 00 00 00 01");
        Assert.Empty(slave.Receive(request.AsSpan(0, 3), TimeSpan.Zero));
        Assert.Empty(slave.LineSilent(TimeSpan.FromMilliseconds(5))); // a scheduling hiccup on the host
        Assert.Single(slave.Receive(request.AsSpan(3), TimeSpan.FromMilliseconds(5)));
    }

    [Fact]
    public void A_cut_off_request_is_dropped_when_the_next_one_arrives()
    {
        var (slave, _) = Board();
        var request = WithCrc("01 04 00 00 00 01");
        slave.Receive(request.AsSpan(0, 4), TimeSpan.Zero);
        var replies = slave.Receive(request, TimeSpan.FromMilliseconds(60));
        Assert.Single(replies);
        Assert.Equal(4, slave.Statistics.BytesDiscarded);
    }

    [Fact]
    public void Another_units_reply_on_a_shared_bus_is_ignored()
    {
        var (slave, _) = Board(unit: 1);
        // Unit 2's reply to a 4-register read: 13 bytes, first 8 do not form a request.
        Assert.Empty(slave.Receive(WithCrc("02 03 08 00 01 00 02 00 03 00 04"), TimeSpan.Zero));
        Assert.Empty(slave.LineSilent(Silence));
        Assert.Equal(1, slave.Statistics.FramesForOtherUnits);
        Assert.Equal(0, slave.Statistics.CrcErrors);
    }

    [Fact]
    public void An_unsupported_function_of_unknown_length_is_framed_by_its_crc_and_refused()
    {
        var (slave, _) = Board();
        var replies = slave.Receive(WithCrc("01 2B 0E 01 00"), TimeSpan.Zero);
        Assert.Equal(ToHex(WithCrc("01 AB 01")), ToHex(Assert.Single(replies)));
    }

    [Fact]
    public void Endless_noise_is_discarded_without_growing_the_buffer()
    {
        var (slave, _) = Board();
        var noise = Enumerable.Range(0, 1000).Select(i => (byte)(0xF8 + (i % 8))).ToArray();
        Assert.Empty(slave.Receive(noise, TimeSpan.Zero));
        Assert.Single(slave.Receive(WithCrc("01 04 00 00 00 01"), TimeSpan.Zero));
        Assert.Equal(1000, slave.Statistics.BytesDiscarded);
    }

    [Property(Replay = Seed)]
    public bool Any_noise_of_invalid_addresses_glued_to_a_request_is_resynchronised(NonEmptyArray<byte> noise, ushort start, PositiveInt quantity)
    {
        // Noise bytes 0xF8..0xFF cannot start a frame, so the request must always be found at the end.
        var garbage = noise.Get.Select(b => (byte)(0xF8 | b)).ToArray();
        var (slave, _) = Board();
        var request = new ReadRegistersRequest(1, ModbusFunctionCode.ReadInputRegisters, (ushort)(start % 15), (ushort)(1 + (quantity.Get % 10)));
        var replies = slave.Receive([.. garbage, .. request.Encode()], TimeSpan.Zero);
        return replies.Count == 1 && slave.Statistics.BytesDiscarded == garbage.Length;
    }

    [Property(Replay = Seed)]
    public bool Every_request_in_a_stream_cut_at_random_points_is_answered_once(NonEmptyArray<PositiveInt> cuts)
    {
        var (slave, _) = Board();
        byte[] stream = [.. WithCrc("01 04 00 00 00 03"), .. WithCrc("01 06 00 01 00 01"), .. WithCrc("01 10 00 03 00 02 04 00 01 00 02"), .. WithCrc("01 03 00 00 00 05")];
        var replies = 0;
        var position = 0;
        foreach (var cut in cuts.Get.Append(PositiveInt.NewPositiveInt(stream.Length)))
        {
            var length = Math.Min(cut.Get % 12, stream.Length - position);
            replies += slave.Receive(stream.AsSpan(position, length), TimeSpan.Zero).Count;
            position += length;
        }

        replies += slave.Receive(stream.AsSpan(position), TimeSpan.Zero).Count;
        return replies == 4 && slave.Statistics.CrcErrors == 0;
    }

    [Fact]
    public void Unit_address_must_be_1_to_247()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuSlave(0, new InMemoryRegisterBank(1, 1)));
    }

    private sealed class ThrowingBank : IModbusRegisterBank
    {
        public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination) => throw new InvalidOperationException("sensor model crashed");

        public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination) => throw new InvalidOperationException("sensor model crashed");

        public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => throw new InvalidOperationException("sensor model crashed");
    }
}
