using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Transport;
using HipecSafe.TestSupport;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

/// <summary>
/// docs/icd.md §3 on a virtual-time bus, with the master's default options: one retry within the cycle, a reply taken
/// only when unit, function and length match the outstanding request, everything else discarded after t3.5 of
/// silence, and the line let go quiet before every request, a retry included. Times are exact.
/// </summary>
public class ModbusRtuMasterRetryTests
{
    /// <summary>docs/icd.md §3: 30 ms plus the wire time of the request and its expected reply.</summary>
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromMilliseconds(30);

    /// <summary>t3.5 above 19200 baud (MODBUS over Serial Line V1.02 §2.5.1.1).</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromMicroseconds(1750);

    private static TimeSpan Budget(int requestBytes, int replyBytes) => ResponseTimeout + SerialLineTiming.Default.WireTime(requestBytes + replyBytes);

    private static LinkFaultHook OnReplies(Func<byte[], IReadOnlyList<LinkDelivery>> transform) =>
        (direction, bytes) => direction == LinkDirection.SlaveToMaster ? transform(bytes.ToArray()) : [LinkDelivery.Now(bytes.ToArray())];

    [Fact]
    [Verifies("SRS-BU-001")]
    public void The_defaults_are_the_icds_30_ms_response_timeout_and_one_retry()
    {
        var options = new ModbusMasterOptions();
        Assert.Equal(ResponseTimeout, options.ResponseTimeout);
        Assert.Equal(1, options.Retries);
    }

    [Fact]
    [Verifies("SRS-BU-001", "SRS-BU-004")]
    public void Two_lost_replies_fail_the_transaction_after_two_full_budgets()
    {
        using var bus = new VirtualBus();
        bus.Link.Fault = OnReplies(_ => []);

        var result = bus.Master.ReadInputRegisters(1, 0, 15);

        Assert.Equal(ModbusFailureKind.Timeout, result.Failure?.Kind);
        // The line has been quiet since the first request, so the retry goes out as soon as the first budget ends.
        Assert.Equal(2 * Budget(8, 5 + 30), bus.Clock.Elapsed);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((1, 2, 1, 1, 1), (stats.Transactions, stats.Attempts, stats.Retries, stats.Failed, stats.ConsecutiveFailures));
        Assert.Equal(2, stats.FailuresOf(ModbusFailureKind.Timeout));
    }

    public static TheoryData<int, byte> EveryByteOfTheReply()
    {
        var data = new TheoryData<int, byte>();
        for (var i = 0; i < 9; i++) // "01 03 04 00 0B 00 16" + CRC: unit, function, byte count, data, CRC
        {
            data.Add(i, 0x01);
            data.Add(i, 0x80);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryByteOfTheReply))]
    [Verifies("SRS-BU-001", "SRS-BU-004")]
    public void A_corrupted_reply_followed_by_a_good_retry_succeeds_and_counts_one_failed_attempt(int index, byte flip)
    {
        // Whichever byte noise hits — the header makes it another unit's, an exception or a foreign length, the data
        // or CRC make the CRC fail — CRC-16 catches it, the attempt fails and the retry gets the registers.
        using var bus = new VirtualBus();
        bus.Bank.SetHolding(0, 11);
        bus.Bank.SetHolding(1, 22);
        var first = true;
        bus.Link.Fault = OnReplies(reply =>
        {
            if (first)
            {
                first = false;
                reply[index] ^= flip;
            }

            return [LinkDelivery.Now(reply)];
        });

        var result = bus.Master.ReadHoldingRegisters(1, 0, 2);

        Assert.Equal(new ushort[] { 11, 22 }, result.Value);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((1, 2, 1, 0, 0), (stats.Transactions, stats.Attempts, stats.Retries, stats.Failed, stats.ConsecutiveFailures));
        Assert.Equal(1, stats.FailuresByKind.Values.Sum());
        Assert.Equal(ModbusFailureKind.CrcError, stats.LastFailure?.Kind);
    }

    [Fact]
    [Verifies("SRS-BU-003")]
    public void The_rest_of_a_corrupted_frame_is_not_read_as_the_retrys_answer()
    {
        // The function code of the first reply is hit so that it reads as an exception reply (0x03 -> 0x83): the
        // master takes 5 bytes, fails them on their CRC, and the other 4 come 1 ms later. The retry must wait for
        // t3.5 after them, discard them, and then take its own reply.
        using var bus = new VirtualBus();
        bus.Bank.SetHolding(0, 11);
        bus.Bank.SetHolding(1, 22);
        var replies = 0;
        var sentAt = new List<TimeSpan>();
        bus.Link.Fault = (direction, bytes) =>
        {
            var frame = bytes.ToArray();
            if (direction == LinkDirection.MasterToSlave)
            {
                sentAt.Add(bus.Link.Now);
                return [LinkDelivery.Now(frame)];
            }

            if (replies++ > 0)
            {
                return [LinkDelivery.Now(frame)];
            }

            frame[1] ^= 0x80;
            return [LinkDelivery.Now(frame[..5]), new LinkDelivery(frame[5..], TimeSpan.FromMilliseconds(1))];
        };

        var result = bus.Master.ReadHoldingRegisters(1, 0, 2);

        Assert.Equal(new ushort[] { 11, 22 }, result.Value);
        Assert.Equal(ModbusFailureKind.CrcError, bus.Master.StatisticsOf(1).LastFailure?.Kind);
        Assert.Equal(4, bus.Master.StrayBytesDiscarded);
        Assert.Equal(TimeSpan.FromMilliseconds(1) + Silence, sentAt[1] - sentAt[0]);
    }

    public static TheoryData<string, string> WhatComesFirst => new()
    {
        { "the late reply to the FC 0x03 read before", "01 03 04 00 0B 00 16 crc" },
        { "another unit's FC 0x10 reply", "02 10 00 00 00 02 crc" },
        { "noise", "FF 00 13" },
    };

    [Theory]
    [MemberData(nameof(WhatComesFirst))]
    [Verifies("SRS-BU-002")]
    public void A_frame_that_is_not_the_reply_is_discarded_and_the_requests_own_reply_taken(string what, string first)
    {
        // Request N (FC 0x03) gets no reply in time; request N+1 (FC 0x10) follows. Before N+1's own reply, 5 ms into
        // its wait, something else arrives: N's late reply, another unit's frame or noise. It is discarded after t3.5
        // of silence and N+1's own reply, 15 ms in, is taken: N+1 succeeds on its first attempt.
        _ = what;
        using var bus = new VirtualBus();
        bus.Bank.SetHolding(0, 11);
        bus.Bank.SetHolding(1, 22);
        var stray = first.EndsWith(" crc", StringComparison.Ordinal) ? WithCrc(first[..^4]) : Hex(first);
        bus.Link.Fault = OnReplies(reply => reply[1] switch
        {
            0x03 => [], // N's replies are late: lost for N
            _ => [new LinkDelivery(stray, TimeSpan.FromMilliseconds(5)), new LinkDelivery(reply, TimeSpan.FromMilliseconds(15))],
        });

        Assert.Equal(ModbusFailureKind.Timeout, bus.Master.ReadHoldingRegisters(1, 0, 2).Failure?.Kind);
        var write = bus.Master.WriteMultipleRegisters(1, 0, [7, 8]);

        Assert.True(write.IsSuccess, write.ToString());
        Assert.Equal(new ushort[] { 7, 8 }, bus.Bank.HoldingSnapshot()[..2]);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((2, 3, 1, 0), (stats.Transactions, stats.Attempts, stats.Failed, stats.ConsecutiveFailures));
        Assert.Equal(stray.Length, bus.Master.StrayBytesDiscarded);
    }

    [Fact]
    [Verifies("SRS-BU-002")]
    public void A_reply_to_another_function_is_never_taken()
    {
        // At shutdown a late FC 0x03 reply was once read as the FC 0x10 reply (and failed as a CRC error, although
        // the board had the command). A valid FC 0x03 reply is not the FC 0x10 reply, however often it comes.
        using var bus = new VirtualBus(withSlave: false);
        bus.RespondWith(_ => WithCrc("01 03 04 00 0B 00 16"));

        var result = bus.Master.WriteMultipleRegisters(1, 0, [7, 8]);

        Assert.Equal(ModbusFailureKind.WrongFunction, result.Failure?.Kind);
        Assert.Contains("discarded what came instead", result.Failure!.Detail, StringComparison.Ordinal);
        Assert.Equal(2, bus.Master.StatisticsOf(1).FailuresOf(ModbusFailureKind.WrongFunction));
    }

    [Fact]
    [Verifies("SRS-BU-002", "SRS-BU-003")]
    public void Noise_glued_to_the_reply_costs_that_attempt_and_the_retry_succeeds()
    {
        // No gap between the noise and the reply: one frame that is not the reply, discarded whole; then the retry.
        using var bus = new VirtualBus();
        bus.Bank.SetInput(0, 5);
        var first = true;
        bus.Link.Fault = OnReplies(reply =>
        {
            var glued = first ? [0x55, .. reply] : reply;
            first = false;
            return [LinkDelivery.Now(glued)];
        });

        var result = bus.Master.ReadInputRegisters(1, 0, 1);

        Assert.Equal(new ushort[] { 5 }, result.Value);
        Assert.Equal(1, bus.Master.StatisticsOf(1).FailuresOf(ModbusFailureKind.CrcError));
        Assert.Equal(8, bus.Master.StrayBytesDiscarded);
    }

    [Fact]
    [Verifies("SRS-BU-001")]
    public void An_exception_reply_is_the_boards_answer_and_is_not_retried()
    {
        using var bus = new VirtualBus();
        var result = bus.Master.ReadHoldingRegisters(1, 8, 5); // the bank has holding registers 0..9

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, result.Failure?.ExceptionCode);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((1, 1, 0, 1), (stats.Attempts, stats.FailuresOf(ModbusFailureKind.ExceptionReply), stats.Retries, stats.ConsecutiveFailures));
    }

    [Fact]
    [Verifies("SRS-BU-004")]
    public void Consecutive_failures_count_transactions_not_attempts()
    {
        // Every other reply is lost: each transaction fails once and is saved by its retry, so the board never counts
        // as failing, but every failed attempt is on record.
        using var bus = new VirtualBus();
        var replies = 0;
        bus.Link.Fault = OnReplies(reply => replies++ % 2 == 0 ? [] : [LinkDelivery.Now(reply)]);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
            Assert.Equal(0, bus.Master.ConsecutiveFailuresOf(1));
        }

        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((5, 10, 5, 0), (stats.Transactions, stats.Attempts, stats.Retries, stats.Failed));
        Assert.Equal(5, stats.FailuresOf(ModbusFailureKind.Timeout));
    }

    [Fact]
    public void A_late_reply_to_the_first_attempt_that_comes_in_the_retrys_window_answers_the_same_request()
    {
        // Modbus RTU has no transaction id (docs/icd.md §3): the first attempt's reply, 40 ms late, is the board's
        // answer to the very request the retry repeats, and is taken. The retry's own reply, later still, is then
        // stray bytes before the next request. A late reply to a different request is never taken (tests above).
        using var bus = new VirtualBus();
        bus.Bank.SetInput(0, 5);
        bus.Link.Fault = OnReplies(reply => [new LinkDelivery(reply, TimeSpan.FromMilliseconds(40))]);

        Assert.Equal(new ushort[] { 5 }, bus.Master.ReadInputRegisters(1, 0, 1).Value);
        var stats = bus.Master.StatisticsOf(1);
        Assert.Equal((2, 1, 0), (stats.Attempts, stats.FailuresOf(ModbusFailureKind.Timeout), stats.Failed));

        bus.Link.Fault = null;
        bus.Clock.Advance(TimeSpan.FromMilliseconds(50)); // the next cycle: the retry's own reply has come meanwhile
        Assert.True(bus.Master.ReadInputRegisters(1, 0, 1).IsSuccess);
        Assert.Equal(7, bus.Master.StrayBytesDiscarded);
    }
}
