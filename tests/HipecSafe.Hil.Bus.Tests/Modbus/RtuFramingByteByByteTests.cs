using HipecSafe.Hil.Bus.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Hil.Bus.Tests.Modbus;

/// <summary>
/// The slave's framer skips its checks while a clean request whose length the header already told is still
/// incomplete. However the bytes arrive (one at a time, all at once, two requests glued together, noise in front),
/// every request must be answered exactly when its last byte arrives, and nothing earlier.
/// </summary>
public class RtuFramingByteByByteTests
{
    private static readonly byte[] Write = WithCrc("01 10 00 00 00 02 04 00 01 00 00"); // FC 0x10: 2 registers
    private static readonly byte[] Read = WithCrc("01 04 00 00 00 02");

    private static ModbusRtuSlave Slave() => new(1, new InMemoryRegisterBank(6, 15, (address, value) => address != 2 || value <= 1));

    [Fact]
    public void A_write_multiple_request_fed_one_byte_at_a_time_is_answered_at_its_last_byte()
    {
        var slave = Slave();
        for (var i = 0; i < Write.Length - 1; i++)
        {
            Assert.Empty(slave.Receive(Write.AsSpan(i, 1), TimeSpan.FromTicks(i)));
        }

        var replies = slave.Receive(Write.AsSpan(Write.Length - 1), TimeSpan.FromTicks(Write.Length));

        Assert.Equal(ToHex(WithCrc("01 10 00 00 00 02")), ToHex(Assert.Single(replies)));
    }

    [Fact]
    public void Two_requests_in_one_chunk_are_both_answered_in_order()
    {
        var slave = Slave();

        var replies = slave.Receive([.. Write, .. Read], TimeSpan.Zero);

        Assert.Equal(2, replies.Count);
        Assert.Equal(ToHex(WithCrc("01 10 00 00 00 02")), ToHex(replies[0]));
        Assert.Equal(0x04, replies[1][1]);
        Assert.Equal(0, slave.Statistics.BytesDiscarded);
    }

    [Fact]
    public void A_request_behind_noise_that_looks_like_a_header_is_still_recovered()
    {
        var slave = Slave();
        // "01 04" promises an 8-byte read; the real request follows after only three more bytes.
        var noisy = Hex("01 04 00 07 09").Concat(Read).ToArray();

        var replies = slave.Receive(noisy, TimeSpan.Zero);

        Assert.Equal(0x04, Assert.Single(replies)[1]);
        Assert.Equal(5, slave.Statistics.BytesDiscarded);
    }
}
