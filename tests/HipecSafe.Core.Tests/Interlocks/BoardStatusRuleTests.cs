using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class BoardStatusRuleTests
{
    [Theory]
    [Verifies("SRS-IL-003", "SRS-IL-004")]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, "IL-BOARD-SAFE-LATCH", "HAZ-009")]
    [InlineData(BoardStatus.LimiterTripped, "IL-BOARD-LIMITER", "HAZ-010")]
    public void A_board_protection_bit_trips_safe_state_at_once(BoardStatus bit, string ruleId, string hazard)
    {
        var rig = new InterlockRig();

        rig.Feedback = NominalFeedback() with { Status = NominalFeedback().Status | bit };
        rig.Step();

        var trip = rig.Trip(ruleId);
        Assert.Equal(hazard, trip.HazardId);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(rig.Now, trip.RaisedAt);
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-004")]
    public void The_limiter_trip_reports_the_limiter_temperature()
    {
        var rig = new InterlockRig();

        rig.Feedback = NominalFeedback() with { Status = BoardStatus.LimiterTripped, LimiterTemperature = T(46.2) };
        rig.Step();

        Assert.Contains("limiter_temp 46.20 °C", rig.Trip("IL-BOARD-LIMITER").Measured.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [Verifies("SRS-IL-003", "SRS-IL-004", "SRS-IL-006")]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, "IL-BOARD-SAFE-LATCH")]
    [InlineData(BoardStatus.LimiterTripped, "IL-BOARD-LIMITER")]
    [InlineData(BoardStatus.PumpMotorFault, "IL-PUMP-MOTOR-FAULT")]
    public void A_board_trip_stays_until_reset_which_is_refused_while_the_bit_is_set(BoardStatus bit, string ruleId)
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with { Status = bit };
        rig.Step();

        var refused = rig.Reset(ruleId);
        rig.Feedback = NominalFeedback();
        rig.Step();
        var stillActive = rig.IsActive(ruleId);
        var accepted = rig.Reset(ruleId);

        Assert.False(refused.Succeeded);
        Assert.Contains("= 1", refused.Reason, StringComparison.Ordinal);
        Assert.True(stillActive);
        Assert.True(accepted.Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-006")]
    public void A_pump_motor_fault_stops_pump_and_heater_but_leaves_the_clamp()
    {
        var rig = new InterlockRig();

        rig.Feedback = NominalFeedback() with { Status = BoardStatus.PumpMotorFault };
        rig.Step();

        var trip = rig.Trip("IL-PUMP-MOTOR-FAULT");
        Assert.Equal("HAZ-011", trip.HazardId);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false), rig.Constrained());
        Assert.False(rig.Last.RequiresSafeState);
    }

    [Fact]
    [Verifies("SRS-IL-003", "SRS-IL-042")]
    public void Without_a_read_back_a_board_trip_cannot_be_reset()
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with { Status = BoardStatus.SafeLatchedByWatchdog };
        rig.Step();

        rig.Feedback = NominalFeedback();
        rig.ActuatorReadFails = true;
        rig.Step();
        var outcome = rig.Reset("IL-BOARD-SAFE-LATCH");

        Assert.False(outcome.Succeeded);
        Assert.Contains("cannot be confirmed clear: no actuator board read-back", outcome.Reason, StringComparison.Ordinal);
    }
}
