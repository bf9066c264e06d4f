using HipecSafe.Hil.Bus.Transport;

namespace HipecSafe.Hil.Bus.Tests.Transport;

public class InMemorySerialLinkTests
{
    private static InMemorySerialLink VirtualLink() => new("test bus", new VirtualBusClock());

    [Fact]
    public void Bytes_written_at_one_end_are_read_at_the_other()
    {
        using var link = VirtualLink();
        link.MasterEnd.Write([1, 2, 3]);
        var buffer = new byte[8];
        Assert.Equal(3, link.SlaveEnd.Read(buffer, TimeSpan.Zero));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        link.SlaveEnd.Write([9]);
        Assert.Equal(1, link.MasterEnd.Read(buffer, TimeSpan.Zero));
        Assert.Equal(9, buffer[0]);
    }

    [Fact]
    public void A_read_takes_no_more_than_the_buffer_and_keeps_the_rest()
    {
        using var link = VirtualLink();
        link.MasterEnd.Write([1, 2, 3, 4, 5]);
        var two = new byte[2];
        Assert.Equal(2, link.SlaveEnd.Read(two, TimeSpan.Zero));
        Assert.Equal(new byte[] { 1, 2 }, two);
        Assert.Equal(3, link.PendingBytes(LinkDirection.MasterToSlave));
        var rest = new byte[8];
        Assert.Equal(3, link.SlaveEnd.Read(rest, TimeSpan.Zero));
        Assert.Equal(new byte[] { 3, 4, 5 }, rest[..3]);
    }

    [Fact]
    public void A_virtual_read_with_nothing_coming_returns_zero_and_advances_the_clock_by_the_timeout()
    {
        using var link = VirtualLink();
        var before = link.Now;
        Assert.Equal(0, link.MasterEnd.Read(new byte[4], TimeSpan.FromMilliseconds(50)));
        Assert.Equal(TimeSpan.FromMilliseconds(50), link.Now - before);
    }

    [Fact]
    public void A_delayed_delivery_arrives_when_the_clock_reaches_it()
    {
        using var link = VirtualLink();
        link.Fault = (_, bytes) => [new LinkDelivery(bytes.ToArray(), TimeSpan.FromMilliseconds(20))];
        link.SlaveEnd.Write([7]);
        var buffer = new byte[4];
        Assert.Equal(0, link.MasterEnd.Read(buffer, TimeSpan.FromMilliseconds(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(10), link.Now);
        Assert.Equal(1, link.MasterEnd.Read(buffer, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(TimeSpan.FromMilliseconds(20), link.Now); // woke at the arrival, not at the deadline
    }

    [Fact]
    public void Bytes_never_overtake_earlier_bytes_in_the_same_direction()
    {
        using var link = VirtualLink();
        var delays = new Queue<TimeSpan>([TimeSpan.FromMilliseconds(30), TimeSpan.Zero]);
        link.Fault = (_, bytes) => [new LinkDelivery(bytes.ToArray(), delays.Dequeue())];
        link.MasterEnd.Write([1]);
        link.MasterEnd.Write([2]);
        var buffer = new byte[4];
        Assert.Equal(0, link.SlaveEnd.Read(buffer, TimeSpan.Zero)); // [2] waits behind [1]
        Assert.Equal(2, link.SlaveEnd.Read(buffer, TimeSpan.FromMilliseconds(40)));
        Assert.Equal(new byte[] { 1, 2 }, buffer[..2]);
    }

    [Fact]
    public void A_fault_hook_can_drop_corrupt_and_split_per_direction()
    {
        using var link = VirtualLink();
        link.Fault = (direction, bytes) => direction == LinkDirection.SlaveToMaster
            ? []
            : [LinkDelivery.Now([(byte)(bytes[0] ^ 0xFF)]), new LinkDelivery(bytes[1..].ToArray(), TimeSpan.FromMilliseconds(1))];
        link.SlaveEnd.Write([1, 2, 3]);
        Assert.Equal(0, link.PendingBytes(LinkDirection.SlaveToMaster));
        link.MasterEnd.Write([0x0F, 2, 3]);
        var buffer = new byte[4];
        Assert.Equal(1, link.SlaveEnd.Read(buffer, TimeSpan.Zero));
        Assert.Equal(0xF0, buffer[0]);
        Assert.Equal(2, link.SlaveEnd.Read(buffer, TimeSpan.FromMilliseconds(5)));
        Assert.Equal(6, link.BytesWritten); // counted before faults
    }

    [Fact]
    public void Injected_noise_bypasses_the_hook_and_arrives_at_its_time()
    {
        using var link = VirtualLink();
        link.Fault = (_, _) => [];
        link.Inject(LinkDirection.SlaveToMaster, [0xAA, 0x55], TimeSpan.FromMilliseconds(3));
        var buffer = new byte[4];
        Assert.Equal(2, link.MasterEnd.Read(buffer, TimeSpan.FromMilliseconds(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(3), link.Now);
    }

    [Fact]
    public void Discard_drops_arrived_bytes_but_not_those_still_in_flight()
    {
        using var link = VirtualLink();
        link.SlaveEnd.Write([1, 2]);
        link.Inject(LinkDirection.SlaveToMaster, [3], TimeSpan.FromMilliseconds(5));
        link.MasterEnd.DiscardInBuffer();
        var buffer = new byte[4];
        Assert.Equal(1, link.MasterEnd.Read(buffer, TimeSpan.FromMilliseconds(10)));
        Assert.Equal(3, buffer[0]);
    }

    [Fact]
    public void A_receiver_answers_synchronously_inside_the_writers_call()
    {
        using var link = VirtualLink();
        var seenAt = new List<TimeSpan>();
        link.SlaveEnd.AttachReceiver((bytes, at) =>
        {
            seenAt.Add(at);
            link.SlaveEnd.Write([(byte)(bytes[0] + 1)]);
        });
        link.VirtualClock!.Advance(TimeSpan.FromMilliseconds(7));
        link.MasterEnd.Write([41]);
        var buffer = new byte[1];
        Assert.Equal(1, link.MasterEnd.Read(buffer, TimeSpan.Zero));
        Assert.Equal(42, buffer[0]);
        Assert.Equal([TimeSpan.FromMilliseconds(7)], seenAt);
    }

    [Fact]
    public void Receivers_need_a_virtual_clock()
    {
        using var link = new InMemorySerialLink("real");
        var ex = Assert.Throws<InvalidOperationException>(() => link.SlaveEnd.AttachReceiver((_, _) => { }));
        Assert.Contains("VirtualBusClock", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_time_read_times_out_with_zero()
    {
        using var link = new InMemorySerialLink("real");
        Assert.Equal(0, link.MasterEnd.Read(new byte[4], TimeSpan.FromMilliseconds(5)));
    }

    [Fact]
    public void A_real_time_read_returns_bytes_written_by_another_thread()
    {
        using var link = new InMemorySerialLink("real");
        var writer = new Thread(() => link.SlaveEnd.Write([5, 6]));
        writer.Start();
        var buffer = new byte[2];
        var received = 0;
        while (received < 2)
        {
            received += link.MasterEnd.Read(buffer.AsSpan(received), TimeSpan.FromSeconds(10));
        }

        writer.Join();
        Assert.Equal(new byte[] { 5, 6 }, buffer);
    }

    [Fact]
    public void A_closed_endpoint_refuses_reads_and_writes()
    {
        var link = VirtualLink();
        link.Dispose();
        Assert.Throws<ObjectDisposedException>(() => link.MasterEnd.Read(new byte[1], TimeSpan.Zero));
        Assert.Throws<ObjectDisposedException>(() => link.MasterEnd.Write([1]));
    }

    [Fact]
    public void Virtual_clock_only_moves_forward()
    {
        var clock = new VirtualBusClock();
        clock.Advance(TimeSpan.FromMilliseconds(5));
        clock.AdvanceTo(TimeSpan.FromMilliseconds(2));
        Assert.Equal(TimeSpan.FromMilliseconds(5), clock.Elapsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }
}
