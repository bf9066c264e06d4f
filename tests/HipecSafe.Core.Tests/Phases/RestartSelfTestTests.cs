using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>
/// What a restarted controller's self-test allows (SRS-RS-009, SRS-RS-010). Oracles: the ICD's release rule (latch_reset
/// clears bit0/bit1 only below 44.0 °C, docs/icd.md §7.4) and its reservoir range (0–5000 mL accepted, §5).
/// </summary>
public sealed class RestartSelfTestTests
{
    private static readonly PlausibleRange Reservoir = new(0, 5000);

    private static ActuatorFeedback Board(BoardStatus status, double limiterC) =>
        new(status, 0, 0, Temperature.FromDegreesCelsius(limiterC), 0);

    [Theory]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, 44.00)]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, 45.60)]
    [InlineData(BoardStatus.LimiterTripped, 46.20)]
    [InlineData(BoardStatus.SafeLatchedByWatchdog | BoardStatus.LimiterTripped, 44.50)]
    [Verifies("SRS-RS-009")]
    public void A_hold_the_board_cannot_release_because_its_limiter_reads_44_C_or_more_is_a_wait_naming_the_reading(BoardStatus status, double limiterC)
    {
        var wait = RestartSelfTest.CoolingWait(Board(status, limiterC));

        Assert.NotNull(wait);
        Assert.Contains($"limiter {limiterC:0.00} °C", wait, StringComparison.Ordinal);
        Assert.Contains("44.00 °C", wait, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, 43.99)] // releasable: a hold that stays is a fault, not a wait
    [InlineData(BoardStatus.None, 45.00)] // no hold: nothing to wait for
    [InlineData(BoardStatus.HeaterRelayClosed, 45.00)]
    [Verifies("SRS-RS-009")]
    public void Below_44_C_or_without_a_hold_there_is_nothing_to_wait_for(BoardStatus status, double limiterC)
    {
        Assert.Null(RestartSelfTest.CoolingWait(Board(status, limiterC)));
    }

    [Fact]
    [Verifies("SRS-RS-010")]
    public void A_reservoir_reading_above_5000_mL_is_accepted_only_for_a_procedure_interrupted_in_Draining()
    {
        Assert.True(RestartSelfTest.AcceptsChannel(Phase.Draining, SensorChannel.ReservoirVolume, ChannelFaults.OutOfRange, 5001, Reservoir));
        Assert.True(RestartSelfTest.AcceptsChannel(Phase.Draining, SensorChannel.ReservoirVolume, ChannelFaults.OutOfRange, 7200, Reservoir));
        foreach (var phase in Enum.GetValues<Phase>().Where(p => p != Phase.Draining))
        {
            Assert.False(RestartSelfTest.AcceptsChannel(phase, SensorChannel.ReservoirVolume, ChannelFaults.OutOfRange, 5400, Reservoir), phase.ToString());
        }
    }

    [Theory]
    [InlineData(ChannelFaults.OutOfRange | ChannelFaults.BoardFlagged, 65535)] // open or shorted probe: the board flags it
    [InlineData(ChannelFaults.BoardFlagged, 4000)]
    [InlineData(ChannelFaults.OutOfRange | ChannelFaults.Stale, 5400)]
    [InlineData(ChannelFaults.NoSample, 0)]
    [InlineData(ChannelFaults.OutOfRange, -10)] // below the range: not a full reservoir
    [Verifies("SRS-RS-010")]
    public void A_flagged_stale_missing_or_low_reservoir_reading_is_still_a_fault_in_Draining(ChannelFaults faults, double value)
    {
        Assert.False(RestartSelfTest.AcceptsChannel(Phase.Draining, SensorChannel.ReservoirVolume, faults, value, Reservoir));
    }

    [Fact]
    [Verifies("SRS-RS-010")]
    public void No_other_channel_is_accepted_out_of_range_in_Draining()
    {
        foreach (var channel in Enum.GetValues<SensorChannel>().Where(c => c != SensorChannel.ReservoirVolume))
        {
            Assert.False(RestartSelfTest.AcceptsChannel(Phase.Draining, channel, ChannelFaults.OutOfRange, 99_999, new PlausibleRange(0, 5000)), channel.ToString());
        }
    }
}
