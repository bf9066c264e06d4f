using System.Diagnostics.CodeAnalysis;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Transport;
using HipecSafe.TestSupport;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

/// <summary>Master against the slave engine on a virtual-time link: every timeout and delay is exact and instant.</summary>
public class ModbusRtuMasterTests
{
    private static LinkFaultHook OnReplies(Func<byte[], IReadOnlyList<LinkDelivery>> transform) =>
        (direction, bytes) => direction == LinkDirection.SlaveToMaster ? transform(bytes.ToArray()) : [LinkDelivery.Now(bytes.ToArray())];

    [Fact]
    public void Reads_and_writes_reach_the_slaves_registers()
    {
        using var bus = new VirtualBus();
        bus.Bank.SetInputs(0, [10, 20, 30]);

        Assert.True(bus.Master.WriteMultipleRegisters(1, 2, [7, 8, 9]).IsSuccess);
        Assert.True(bus.Master.WriteSingleRegister(1, 0, 0xBEEF).IsSuccess);
        var holding = bus.Master.ReadHoldingRegisters(1, 0, 5);
        var input = bus.Master.ReadInputRegisters(1, 0, 3);

        Assert.Equal(new ushort[] { 0xBEEF, 0, 7, 8, 9 }, holding.Value);
        Assert.Equal(new ushort[] { 10, 20, 30 }, input.Value);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal(4, stats.Transactions);
        Assert.Equal(4, stats.Succeeded);
        Assert.Equal(0, stats.ConsecutiveFailures);
    }

    [Fact]
    public void An_exception_reply_is_a_typed_failure_and_is_not_retried_even_with_more_retries()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { Retries = 2 });
        var result = bus.Master.ReadHoldingRegisters(1, 8, 5); // bank has holding 0..9

        Assert.Equal(ModbusFailureKind.ExceptionReply, result.Failure?.Kind);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, result.Failure?.ExceptionCode);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal(1, stats.Attempts);
        Assert.Equal(1, stats.FailuresOf(ModbusFailureKind.ExceptionReply));
        Assert.Equal(1, stats.ConsecutiveFailures);
    }

    [Fact]
    public void No_reply_is_a_timeout_after_exactly_the_response_timeout_plus_wire_time()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { ResponseTimeout = TimeSpan.FromMilliseconds(50), Retries = 0 });
        bus.Link.Fault = OnReplies(_ => []); // bus fault "loss"

        var result = bus.Master.ReadInputRegisters(1, 0, 15);

        Assert.Equal(ModbusFailureKind.Timeout, result.Failure?.Kind);
        var wire = SerialLineTiming.Default.WireTime(8 + 35);
        Assert.Equal(TimeSpan.FromMilliseconds(50) + wire, bus.Clock.Elapsed);
        Assert.Contains("no reply within", result.Failure!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_failed_transactions_in_a_row_show_as_three_consecutive_failures_until_a_success()
    {
        using var bus = new VirtualBus();
        bus.Link.Fault = OnReplies(_ => []);
        for (var i = 0; i < 3; i++)
        {
            Assert.False(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
        }

        Assert.Equal(3, bus.Master.StatisticsOf(1).ConsecutiveFailures);
        Assert.Equal(0, bus.Master.StatisticsOf(2).ConsecutiveFailures); // other units unaffected

        bus.Link.Fault = null;
        Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal(0, stats.ConsecutiveFailures);
        Assert.Equal(3, stats.Failed);
        Assert.Equal(6, stats.FailuresOf(ModbusFailureKind.Timeout)); // each failed transaction: the attempt and its retry
        Assert.Equal(ModbusFailureKind.Timeout, stats.LastFailure?.Kind);
    }

    [Fact]
    public void Retries_recover_a_lost_reply_and_every_failed_attempt_is_counted()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { Retries = 2 });
        var dropped = 0;
        bus.Link.Fault = OnReplies(reply => dropped++ < 2 ? [] : [LinkDelivery.Now(reply)]);

        var result = bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.True(result.IsSuccess);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal(1, stats.Transactions);
        Assert.Equal(3, stats.Attempts);
        Assert.Equal(2, stats.FailuresOf(ModbusFailureKind.Timeout));
        Assert.Equal(0, stats.ConsecutiveFailures);
    }

    [Fact]
    public void A_corrupted_reply_is_a_crc_error()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { Retries = 0 });
        bus.Link.Fault = OnReplies(reply =>
        {
            reply[3] ^= 0x10; // bus fault crc_errors: one flipped bit in the data
            return [LinkDelivery.Now(reply)];
        });

        var result = bus.Master.ReadInputRegisters(1, 0, 2);

        Assert.Equal(ModbusFailureKind.CrcError, result.Failure?.Kind);
        Assert.Equal(1, bus.Master.StatisticsOf(1).FailuresOf(ModbusFailureKind.CrcError));
    }

    [Fact]
    public void A_reply_cut_short_is_truncated_after_the_timeout()
    {
        using var bus = new VirtualBus();
        bus.Link.Fault = OnReplies(reply => [LinkDelivery.Now(reply[..^3])]);

        var result = bus.Master.ReadInputRegisters(1, 0, 4);

        Assert.Equal(ModbusFailureKind.Truncated, result.Failure?.Kind);
        Assert.Contains("received 10 of 13 bytes", result.Failure!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("03 04 02 00 07", ModbusFailureKind.WrongAddress, 2)]
    [InlineData("01 03 02 00 07", ModbusFailureKind.WrongFunction, 2)]
    [InlineData("01 04 00", ModbusFailureKind.Malformed, 2)] // a valid frame with no registers where one was asked
    [InlineData("01 04 04 00 07 00 08", ModbusFailureKind.Malformed, 2)] // two registers where one was asked
    [InlineData("01 84 01", ModbusFailureKind.ExceptionReply, 1)] // the board's answer: not retried
    public void Foreign_and_inconsistent_replies_are_classified(string reply, ModbusFailureKind kind, int attempts)
    {
        using var bus = new VirtualBus(withSlave: false);
        bus.RespondWith(_ => WithCrc(reply));

        var result = bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.Equal(kind, result.Failure?.Kind);
        Assert.Equal(attempts, bus.Master.StatisticsOf(1).FailuresOf(kind));
    }

    [Fact]
    public void A_reply_within_the_timeout_despite_a_delay_succeeds()
    {
        using var bus = new VirtualBus();
        bus.Link.Fault = OnReplies(reply => [new LinkDelivery(reply, TimeSpan.FromMilliseconds(40))]); // bus fault "delay"

        Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
    }

    [Fact]
    [Verifies("SRS-BU-003")]
    public void A_late_reply_is_discarded_as_stray_bytes_before_the_next_request()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { Retries = 0 });
        var delays = new Queue<TimeSpan>([TimeSpan.FromMilliseconds(70), TimeSpan.Zero]);
        bus.Link.Fault = OnReplies(reply => [new LinkDelivery(reply, delays.Dequeue())]);
        bus.Bank.SetInput(0, 111);

        Assert.Equal(ModbusFailureKind.Timeout, bus.Master.ReadInputRegisters(1, 0, 1).Failure?.Kind);
        bus.Clock.Advance(TimeSpan.FromMilliseconds(50)); // the controller's next cycle: the late reply has arrived meanwhile
        bus.Bank.SetInput(0, 222);
        var next = bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.Equal(new ushort[] { 222 }, next.Value); // the fresh reply, not the stale one
        Assert.Equal(7, bus.Master.StrayBytesDiscarded);
    }

    [Fact]
    [Verifies("SRS-BU-003")]
    public void Noise_before_the_request_is_drained_and_counted()
    {
        using var bus = new VirtualBus();
        bus.Link.Inject(LinkDirection.SlaveToMaster, [0x00, 0xFF, 0x13]);

        Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
        Assert.Equal(3, bus.Master.StrayBytesDiscarded);
    }

    [Fact]
    public void Noise_during_the_reply_fails_that_transaction_only()
    {
        using var bus = new VirtualBus(new ModbusMasterOptions { Retries = 0 });
        // The slave answers at once; noise lands in front of its reply (bus fault "garbage").
        bus.Link.Fault = OnReplies(reply => [LinkDelivery.Now([0x55]), LinkDelivery.Now(reply)]);
        Assert.False(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);

        bus.Link.Fault = null;
        Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
        Assert.Equal(1, bus.Master.StatisticsOf(1).Failed);
    }

    [Fact]
    [Verifies("SRS-BU-003")]
    public void A_line_that_never_goes_quiet_does_not_stall_the_bus()
    {
        using var bus = new VirtualBus();
        for (var ms = 0; ms < 500; ms++)
        {
            bus.Link.Inject(LinkDirection.SlaveToMaster, [0xAA], TimeSpan.FromMilliseconds(ms)); // 1 byte every ms for 0.5 s
        }

        var result = bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.False(result.IsSuccess); // noise runs into the reply
        Assert.True(bus.Clock.Elapsed < TimeSpan.FromMilliseconds(200), $"gave up after {bus.Clock.Elapsed}");
        Assert.True(bus.Master.StrayBytesDiscarded > 0);
    }

    [Fact]
    public void Content_the_caller_rejects_counts_as_a_malformed_failure()
    {
        using var bus = new VirtualBus();
        bus.Bank.SetInput(0, 2);
        var request = new ReadRegistersRequest(1, ModbusFunctionCode.ReadInputRegisters, 0, 1);

        static bool AsFlag(ushort[] registers, out bool flag, [NotNullWhen(false)] out string? error)
        {
            flag = registers[0] == 1;
            error = registers[0] > 1 ? "register 0 = 2, must be 0 or 1" : null;
            return error is null;
        }

        var result = bus.Master.Execute<bool>(request, AsFlag);

        Assert.Equal(ModbusFailureKind.Malformed, result.Failure?.Kind);
        Assert.Equal("register 0 = 2, must be 0 or 1", result.Failure?.Detail);
        Assert.Equal(1, bus.Master.StatisticsOf(1).ConsecutiveFailures);
    }

    [Fact]
    public void A_closed_transport_is_a_transport_error_not_an_exception()
    {
        using var bus = new VirtualBus();
        bus.Link.MasterEnd.Dispose();

        var result = bus.Master.WriteSingleRegister(1, 0, 1);

        Assert.Equal(ModbusFailureKind.TransportError, result.Failure?.Kind);
        Assert.Contains("virtual bus", result.Failure!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(248)]
    public void The_master_only_addresses_units_1_to_247(int unit)
    {
        using var bus = new VirtualBus();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => bus.Master.ReadInputRegisters((byte)unit, 0, 1));
        Assert.Contains("1..247", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated()
    {
        using var link = new InMemorySerialLink();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuMaster(link.MasterEnd, new ModbusMasterOptions { ResponseTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuMaster(link.MasterEnd, new ModbusMasterOptions { Retries = -1 }));
    }

    [Fact]
    [Verifies("SRS-BU-004")]
    public void Statistics_are_kept_per_unit()
    {
        using var bus = new VirtualBus();
        bus.Master.ReadInputRegisters(1, 0, 1);
        bus.Master.ReadInputRegisters(5, 0, 1); // nobody at 5

        var all = bus.Master.AllStatistics();
        Assert.Equal([1, 5], all.Select(s => (int)s.Unit));
        Assert.Equal(1, all[0].Succeeded);
        Assert.Equal(2, all[1].FailuresOf(ModbusFailureKind.Timeout)); // the attempt and its retry
    }

    [Fact]
    [Verifies("SRS-BU-003")]
    public void The_master_keeps_t35_of_silence_between_frames()
    {
        using var bus = new VirtualBus();
        var sentAt = new List<TimeSpan>();
        bus.Link.Fault = (direction, bytes) =>
        {
            if (direction == LinkDirection.MasterToSlave)
            {
                sentAt.Add(bus.Link.Now);
            }

            return [LinkDelivery.Now(bytes.ToArray())];
        };

        bus.Master.ReadInputRegisters(1, 0, 1);
        bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.Equal(SerialLineTiming.Default.InterFrameSilence, sentAt[1] - sentAt[0]); // reply arrived instantly at sentAt[0]
    }
}
