using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Hil.Bus.Tests.Modbus;

/// <summary>
/// Slave-side framing rules, driven byte by byte with explicit arrival times: complete by length, resync by CRC at
/// the tail, resync by silence, bounded buffer. (The slave tests exercise the framer only through whole requests.)
/// </summary>
public class RtuRequestFramerTests
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan T0 = TimeSpan.FromSeconds(1);

    /// <summary>Read 10 holding registers from unit 1: the reference request of the ICD examples.</summary>
    private const string Read10 = "01 03 00 00 00 0A C5 CD";

    private static string Concat(params string[] parts) => string.Join(' ', parts);

    /// <summary>Pushes <paramref name="bytes"/> one byte at a time, 10 µs apart (well inside t3.5), from <paramref name="start"/>.</summary>
    private static List<byte[]> Feed(RtuRequestFramer framer, byte[] bytes, TimeSpan start)
    {
        var frames = new List<byte[]>();
        for (var i = 0; i < bytes.Length; i++)
        {
            framer.Push(bytes.AsSpan(i, 1), start + TimeSpan.FromTicks(100 * i), frames);
        }

        return frames;
    }

    private static void AssertFrames(List<byte[]> frames, params string[] expected) =>
        Assert.Equal(expected, frames.Select(f => ToHex(f)).ToArray());

    [Fact]
    public void A_new_framer_holds_no_partial_frame()
    {
        Assert.False(new RtuRequestFramer(Silence).HasPartialFrame);
    }

    [Fact]
    public void A_request_to_the_highest_unit_address_247_is_complete_by_length()
    {
        var request = WithCrc("F7 03 00 00 00 01");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, request, T0), ToHex(request));
        Assert.False(framer.HasPartialFrame);
    }

    [Fact]
    public void A_request_whose_first_four_bytes_happen_to_carry_a_valid_crc_is_not_cut_short()
    {
        // CRC("01 03") is 0x2140, so "01 03 40 21" is CRC-valid on its own; the request reads 10 registers from 0x4021.
        Assert.True(Crc16.IsValid(Hex("01 03 40 21")));
        var request = WithCrc("01 03 40 21 00 0A");
        AssertFrames(Feed(new RtuRequestFramer(Silence), request, T0), ToHex(request));
    }

    [Fact]
    public void An_unsupported_function_is_complete_at_the_minimum_length_once_its_crc_holds()
    {
        var frame = WithCrc("01 2B");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, frame, T0), ToHex(frame)); // at once, not only after t3.5
    }

    [Fact]
    public void A_crc_valid_frame_from_a_reserved_address_is_not_taken_by_length_but_handed_over_on_silence()
    {
        var foreign = WithCrc("F8 03 00 00 00 0A");
        var framer = new RtuRequestFramer(Silence);
        Assert.Empty(Feed(framer, foreign, T0));
        Assert.True(framer.HasPartialFrame);

        var frames = new List<byte[]>();
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, ToHex(foreign));
    }

    [Fact]
    public void Noise_within_t3_5_of_a_request_is_not_flushed_and_the_request_is_recovered_at_the_tail()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(Hex("F8"), T0, frames);
        framer.Push(Hex(Read10), T0 + TimeSpan.FromMilliseconds(0.5), frames);
        AssertFrames(frames, Read10);
        Assert.Equal(1, framer.BytesDiscarded);
        Assert.False(framer.HasPartialFrame);
    }

    [Fact]
    public void Noise_followed_by_t3_5_of_silence_is_handed_over_on_its_own_before_the_next_request()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(Hex("F8"), T0, frames);
        framer.Push(Hex(Read10), T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, "F8", Read10);
        Assert.Equal(0, framer.BytesDiscarded);
    }

    [Fact]
    public void Silence_shorter_than_t3_5_does_not_flush_noise()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(Hex("F8"), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(0.5), frames);
        Assert.Empty(frames);
        Assert.True(framer.HasPartialFrame);
    }

    [Fact]
    public void Noise_flushed_on_silence_leaves_an_empty_buffer_for_the_next_request()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(Hex("F8"), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, "F8");
        Assert.False(framer.HasPartialFrame);

        frames.AddRange(Feed(framer, Hex(Read10), T0 + TimeSpan.FromMilliseconds(6)));
        AssertFrames(frames, "F8", Read10);
        Assert.Equal(0, framer.BytesDiscarded);
    }

    [Fact]
    public void A_partial_request_to_unit_247_is_kept_over_a_gap_and_completed_by_the_rest()
    {
        var request = WithCrc("F7 03 00 00 00 01");
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(request.AsSpan(0, 3), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        Assert.Empty(frames);

        framer.Push(request.AsSpan(3), T0 + TimeSpan.FromMilliseconds(6), frames);
        AssertFrames(frames, ToHex(request));
    }

    [Fact]
    public void Two_bytes_of_an_unsupported_function_are_handed_over_on_silence_not_kept_as_a_partial_request()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(Hex("01 2B"), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, "01 2B");
    }

    [Fact]
    public void A_request_with_a_corrupted_crc_is_handed_over_on_silence_for_the_crc_error_count()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = Feed(framer, Hex("01 03 00 00 00 0A C5 CC"), T0);
        Assert.Empty(frames);

        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, "01 03 00 00 00 0A C5 CC");
        Assert.False(framer.HasPartialFrame);
    }

    [Fact]
    public void Noise_that_looks_like_an_unsupported_function_is_dropped_and_the_request_after_it_recovered()
    {
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, Hex(Concat("01 2B", Read10)), T0), Read10);
        Assert.Equal(2, framer.BytesDiscarded);
    }

    [Fact]
    public void Noise_from_a_reserved_address_with_a_write_multiple_header_does_not_swallow_the_request_after_it()
    {
        // "F8 10 … 20" announces a 41-byte frame; the request glued to it ends long before that.
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, Hex(Concat("F8 10 00 00 00 00 20", Read10)), T0), Read10);
        Assert.Equal(7, framer.BytesDiscarded);
    }

    [Fact]
    public void A_write_multiple_request_glued_to_noise_is_recovered_at_the_tail()
    {
        var write = WithCrc("01 10 00 10 00 02 04 00 0A 01 02");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, [.. Hex("F8 FF 00"), .. write], T0), ToHex(write));
        Assert.Equal(3, framer.BytesDiscarded);
    }

    [Fact]
    public void The_shortest_write_multiple_frame_9_bytes_is_recovered_at_the_tail_so_the_slave_can_refuse_it()
    {
        var empty = WithCrc("01 10 00 00 00 00 00");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, [.. Hex("F8"), .. empty], T0), ToHex(empty));
        Assert.Equal(1, framer.BytesDiscarded);
    }

    [Fact]
    public void A_write_multiple_whose_data_contains_a_valid_request_is_not_cut_at_that_request()
    {
        // Four registers whose bytes are exactly a CRC-valid read request: the framer must wait for the whole write.
        var write = WithCrc(Concat("01 10 00 00 00 04 08", Read10));
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, write, T0), ToHex(write));
        Assert.Equal(0, framer.BytesDiscarded);
    }

    [Fact]
    public void A_frame_of_exactly_the_maximum_length_is_not_taken_for_noise()
    {
        // Byte count 247 → 9 + 247 = 256 bytes (the decoder refuses it later; framing must still keep it whole).
        // Its data ends in a valid read request, which a framer treating 256 as "too long" would cut out.
        var data = Enumerable.Repeat("00", 247 - 8).Append(Read10);
        var frame = WithCrc(Concat("01 10 00 00 00 7B F7", string.Join(' ', data)));
        Assert.Equal(ModbusLimits.MaxFrameLength, frame.Length);
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, frame, T0), ToHex(frame));
    }

    [Fact]
    public void A_request_that_ends_exactly_where_a_truncated_header_said_its_frame_would_end_is_recovered()
    {
        // "01 10 … 06" announces 9 + 6 = 15 bytes; 7 header bytes + the 8-byte request make exactly 15, whose CRC
        // does not hold: a complete bad frame, so rule 2 applies and the request at its tail must be recovered.
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, Hex(Concat("01 10 00 00 00 03 06", Read10)), T0), Read10);
        Assert.Equal(7, framer.BytesDiscarded);
    }

    [Fact]
    public void A_request_glued_to_noise_for_unit_247_is_recovered_at_the_tail()
    {
        var request = WithCrc("F7 04 00 00 00 02");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, [.. Hex("FF FF"), .. request], T0), ToHex(request));
    }

    [Fact]
    public void A_long_burst_of_noise_keeps_at_most_one_maximum_frame_and_a_request_after_it_still_gets_through()
    {
        var noise = Enumerable.Repeat((byte)0xFF, 300).ToArray();
        var framer = new RtuRequestFramer(Silence);
        Assert.Empty(Feed(framer, noise, T0));
        Assert.Equal(300 - ModbusLimits.MaxFrameLength, framer.BytesDiscarded);

        AssertFrames(Feed(framer, Hex(Read10), T0 + TimeSpan.FromMilliseconds(3.5)), Read10);
        Assert.Equal(300, framer.BytesDiscarded);
    }
    [Fact]
    public void A_complete_frame_whose_last_8_bytes_also_form_a_valid_request_is_emitted_once_whole()
    {
        // Data bytes 5D 43 bring the CRC register back to its initial value, so the frame ends in a CRC-valid read
        // request and is CRC-valid as a whole: it must be emitted once, and nothing cut from it afterwards.
        var write = Hex(Concat("01 10 00 00 00 04 08 5D 43", Read10));
        Assert.True(Crc16.IsValid(write));
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, write, T0), ToHex(write));
        Assert.Equal(0, framer.BytesDiscarded);
        Assert.False(framer.HasPartialFrame);
    }

    [Fact]
    public void A_write_multiple_request_to_unit_247_glued_to_noise_is_recovered_at_the_tail()
    {
        var write = WithCrc("F7 10 00 00 00 01 02 00 05");
        var framer = new RtuRequestFramer(Silence);
        AssertFrames(Feed(framer, [.. Hex("FF"), .. write], T0), ToHex(write));
    }

    [Fact]
    public void A_write_multiple_request_after_a_long_burst_of_noise_is_recovered()
    {
        var framer = new RtuRequestFramer(Silence);
        Feed(framer, Enumerable.Repeat((byte)0xFF, 300).ToArray(), T0);
        var write = WithCrc("01 10 00 00 00 01 02 00 05");
        AssertFrames(Feed(framer, write, T0 + TimeSpan.FromMilliseconds(3.5)), ToHex(write));
    }

    [Fact]
    public void A_single_address_byte_is_kept_over_a_gap_as_the_start_of_a_request()
    {
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        var request = Hex(Read10);
        framer.Push(request.AsSpan(0, 1), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        Assert.Empty(frames);

        framer.Push(request.AsSpan(1), T0 + TimeSpan.FromMilliseconds(6), frames);
        AssertFrames(frames, Read10);
    }

    [Fact]
    public void A_crc_valid_unsupported_function_glued_to_noise_is_not_cut_out_but_handed_over_with_it_on_silence()
    {
        // Tail recovery only knows the lengths of supported functions; anything else waits for t3.5.
        var bytes = Hex("F8").Concat(WithCrc("01 2B 0E 01 00 00 00")).ToArray();
        var framer = new RtuRequestFramer(Silence);
        var frames = Feed(framer, bytes, T0);
        Assert.Empty(frames);

        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        AssertFrames(frames, ToHex(bytes));
    }

    [Theory]
    [InlineData(0x40)] // byte count 0x0A → 0x4A: the header claims an 83-byte frame
    [InlineData(0xF0)] // 0x0A → 0xFA: 259 bytes, longer than any frame
    [InlineData(0x02)] // 0x0A → 0x08: 17 bytes, shorter than what came
    public void A_write_multiple_request_with_a_corrupted_byte_count_does_not_swallow_the_requests_after_it(int flip)
    {
        // Line noise hit the byte count of another unit's FC 0x10 request. Whatever length its header now claims,
        // the frame ended at t3.5 of silence (MODBUS over Serial Line V1.02 §2.5.1.1), so each later request is
        // answered when it arrives, not once enough bytes have piled up to fill the claimed length.
        var write = WithCrc("02 10 00 00 00 05 0A 00 00 00 00 00 00 00 00 00 01");
        write[6] ^= (byte)flip;
        var framer = new RtuRequestFramer(Silence);
        var frames = Feed(framer, write, T0);

        for (var i = 1; i <= 3; i++)
        {
            frames.AddRange(Feed(framer, Hex(Read10), T0 + TimeSpan.FromMilliseconds(10 * i)));
            Assert.Equal(ToHex(Hex(Read10)), ToHex(frames[^1]));
        }
    }

    [Fact]
    public void A_request_kept_over_a_gap_is_still_completed_by_its_own_rest()
    {
        // The other half of the rule above: a clean request cut by a host's scheduling gap is kept and completed.
        var write = WithCrc("01 10 00 00 00 05 0A 00 00 00 00 00 00 00 00 00 01");
        var framer = new RtuRequestFramer(Silence);
        var frames = new List<byte[]>();
        framer.Push(write.AsSpan(0, 7), T0, frames);
        framer.Silence(T0 + TimeSpan.FromMilliseconds(5), frames);
        Assert.Empty(frames);

        framer.Push(write.AsSpan(7), T0 + TimeSpan.FromMilliseconds(6), frames);
        AssertFrames(frames, ToHex(write));
    }
}
