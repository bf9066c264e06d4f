using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// IL-HEARTBEAT-ECHO against docs/icd.md: heartbeat_echo is "the last heartbeat value the board received", read
/// (§4, transaction 2) before the cycle's write (transaction 4); the heartbeat advances by 1 and wraps 65535 → 1.
/// </summary>
public class HeartbeatEchoRuleTests
{
    private const string Rule = "IL-HEARTBEAT-ECHO";

    /// <summary>One cycle: the bus had written (and the board acknowledged) <paramref name="written"/>; the board echoes <paramref name="echo"/>.</summary>
    private static InterlockEvaluation Read(InterlockRig rig, ushort written, ushort echo, ushort? sent = null)
    {
        rig.Heartbeat = new HeartbeatWrites(written, sent ?? written);
        rig.Feedback = rig.Feedback with { HeartbeatEcho = echo };
        return rig.Step();
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void An_echo_that_follows_the_heartbeat_written_never_trips()
    {
        var rig = new InterlockRig();
        for (ushort h = 1; h <= 50; h++)
        {
            Read(rig, h, h);
        }

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void An_echo_stuck_while_the_heartbeat_advances_trips_safe_state_at_the_third_read_and_not_the_second()
    {
        var rig = new InterlockRig();
        Read(rig, 40, 40);

        // The board stops echoing at 40; the heartbeat goes on to 41, 42, 43.
        Read(rig, 41, 40);
        var onset = rig.Now;
        Read(rig, 42, 40);
        Assert.False(rig.IsActive(Rule));
        Read(rig, 43, 40);

        var trip = rig.Trip(Rule);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-009", trip.HazardId);
        Assert.Equal("SRS-IL-067", trip.RequirementId);
        Assert.Equal(onset + Ms(200), trip.RaisedAt);
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
        Assert.Equal("heartbeat_echo 40 ≠ heartbeat written 43", trip.Measured.ToString());
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void A_dead_echo_reading_0_trips()
    {
        var rig = new InterlockRig();
        for (ushort h = 7; h < 10; h++)
        {
            Read(rig, h, 0);
        }

        Assert.True(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void An_echo_one_behind_the_acknowledged_write_is_a_mismatch()
    {
        // The reply taken for this read answered an earlier one: the board had not yet had the last acknowledged write.
        var rig = new InterlockRig();
        for (ushort h = 100; h < 103; h++)
        {
            Read(rig, h, (ushort)(h - 1));
        }

        Assert.True(rig.IsActive(Rule));
    }

    [Theory]
    [Verifies("SRS-IL-067")]
    [InlineData(20, 20)]
    [InlineData(21, 20)]
    [InlineData(22, 20)]
    public void A_write_whose_reply_was_lost_may_have_reached_the_board_or_not(int echo, int acknowledged)
    {
        // Acknowledged 20, then 21 and 22 sent with their replies lost: the board may hold any of 20, 21, 22.
        var rig = new InterlockRig();
        for (var i = 0; i < 5; i++)
        {
            Read(rig, (ushort)acknowledged, (ushort)echo, sent: 22);
        }

        Assert.False(rig.IsActive(Rule));
        Assert.Equal(ConditionState.Clear, Check(rig, rig.Input()).State);
    }

    [Theory]
    [Verifies("SRS-IL-067")]
    [InlineData(19)]
    [InlineData(23)]
    public void An_echo_outside_the_values_sent_since_the_last_acknowledged_write_holds(int echo)
    {
        var rig = new InterlockRig { Heartbeat = new HeartbeatWrites(20, 22), Feedback = NominalFeedback() with { HeartbeatEcho = (ushort)echo } };

        Assert.Equal(ConditionState.Holds, Check(rig, rig.Input()).State);
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void A_withheld_heartbeat_written_unchanged_and_echoed_unchanged_does_not_trip()
    {
        // GATE-HEALTH-ROUND: the heartbeat is not advanced, the same value is written again, and the echo stays.
        var rig = new InterlockRig();
        for (var i = 0; i < 20; i++)
        {
            Read(rig, 500, 500);
        }

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void The_echo_is_judged_across_the_wrap_from_65535_to_1()
    {
        var rig = new InterlockRig();
        Read(rig, 65534, 65534);
        Read(rig, 65535, 65535);
        Read(rig, 1, 1);
        Read(rig, 2, 2);
        Assert.False(rig.IsActive(Rule));

        // Reply of the write of 1 lost, and the board still at 65535: in order, so admitted.
        rig.Feedback = rig.Feedback with { HeartbeatEcho = 65535 };
        Assert.Equal(ConditionState.Clear, Check(rig, rig.Input() with { Heartbeat = new HeartbeatWrites(65535, 1) }).State);
        Assert.Equal(ConditionState.Holds, Check(rig, rig.Input() with { Heartbeat = new HeartbeatWrites(1, 2), Actuators = NominalFeedback() with { HeartbeatEcho = 65535 } }).State);
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void No_decision_while_the_feedback_read_fails_or_before_any_write_was_acknowledged()
    {
        var rig = new InterlockRig();
        var beforeAnyWrite = Check(rig, rig.Input());
        rig.Heartbeat = new HeartbeatWrites(5, 5);
        rig.Feedback = rig.Feedback with { HeartbeatEcho = 9 };
        rig.ActuatorReadFails = true;
        var readFailed = Check(rig, rig.Input());

        Assert.Equal(ConditionState.Unknown, beforeAnyWrite.State);
        Assert.Equal("no heartbeat write acknowledged by the actuator board yet", beforeAnyWrite.UnknownReason);
        Assert.Equal(ConditionState.Unknown, readFailed.State);
        Assert.Equal("no actuator board read-back this cycle", readFailed.UnknownReason);
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void A_failed_read_between_mismatches_neither_trips_nor_restarts_the_persistence()
    {
        var rig = new InterlockRig();
        Read(rig, 10, 9);
        rig.ActuatorReadFails = true;
        Read(rig, 11, 9);
        Assert.False(rig.IsActive(Rule));

        // The second mismatching read, 200 ms after the first: the failed read in between did not restart the timer.
        rig.ActuatorReadFails = false;
        Read(rig, 12, 9);

        Assert.True(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void Two_mismatching_reads_then_a_matching_one_restart_the_count()
    {
        var rig = new InterlockRig();
        Read(rig, 10, 8);
        Read(rig, 11, 8);
        Read(rig, 12, 12);
        Read(rig, 13, 12);
        Read(rig, 14, 12);

        Assert.False(rig.IsActive(Rule));
    }

    [Theory]
    [Verifies("SRS-IL-067")]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.SafeState)]
    public void Armed_in_every_phase_including_the_self_test_of_a_board_in_its_power_on_hold(Phase phase)
    {
        // Register 4 takes writes while the board holds SAFE (docs/icd.md §7.5), so the echo follows there too.
        var held = new InterlockRig(phase: phase) { Feedback = NominalFeedback() with { Status = BoardStatus.SafeLatchedByWatchdog } };
        for (ushort h = 1; h <= 10; h++)
        {
            Read(held, h, h);
        }

        Assert.False(held.IsActive(Rule));
        for (ushort h = 11; h <= 13; h++)
        {
            Read(held, h, 10);
        }

        Assert.True(held.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void The_trip_is_latched_and_its_reset_refused_until_the_echo_follows_again()
    {
        var rig = new InterlockRig();
        for (ushort h = 30; h < 34; h++)
        {
            Read(rig, h, 29);
        }

        var refused = rig.Reset(Rule);
        Read(rig, 34, 34);
        var latched = rig.IsActive(Rule);
        var accepted = rig.Reset(Rule);

        Assert.False(refused.Succeeded);
        Assert.Contains("still present: heartbeat_echo 29 ≠ heartbeat written 33", refused.Reason, StringComparison.Ordinal);
        Assert.True(latched);
        Assert.True(accepted.Succeeded);
    }

    [Theory]
    [Verifies("SRS-IL-067")]
    [InlineData(5, 5, 0)]
    [InlineData(5, 6, 1)]
    [InlineData(65535, 1, 1)]
    [InlineData(65534, 2, 3)]
    [InlineData(0, 1, 1)]
    [InlineData(0, 0, 0)]
    public void Heartbeat_steps_follow_the_icd_order(int from, int to, int steps)
    {
        Assert.Equal(steps, HeartbeatWrites.Steps((ushort)from, (ushort)to));
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void Zero_never_follows_an_advanced_heartbeat()
    {
        Assert.Equal(int.MaxValue, HeartbeatWrites.Steps(65535, 0));
        Assert.False(new HeartbeatWrites(65535, 1).Admits(0));
        Assert.False(new HeartbeatWrites(4, 4).Admits(3));
    }

    private static RuleCheck Check(InterlockRig rig, InterlockInput input) =>
        new HeartbeatEchoRule().Check(new InterlockContext(input, rig.Last.Sensors, Limits));
}
