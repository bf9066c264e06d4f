using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>Bus failures and a sensor board that stopped sampling: the controller has lost control → safe state.</summary>
public class ConnectivityRuleTests
{
    [Theory]
    [Verifies("SRS-IL-001")]
    [InlineData(true, "IL-BUS-SENSOR")]
    [InlineData(false, "IL-BUS-ACTUATOR")]
    public void Three_consecutive_failures_with_one_board_trip_safe_state_and_two_do_not(bool sensorBoard, string ruleId)
    {
        var rig = new InterlockRig();

        rig.BusFailures = sensorBoard ? new BusFailureCounts(2, 0) : new BusFailureCounts(0, 2);
        rig.Step();
        Assert.False(rig.IsActive(ruleId));

        rig.BusFailures = sensorBoard ? new BusFailureCounts(3, 0) : new BusFailureCounts(0, 3);
        rig.Step();
        var trip = rig.Trip(ruleId);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-009", trip.HazardId);
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
        Assert.Equal("consecutive failed transactions with the " + (sensorBoard ? "sensor" : "actuator") + " board 3 ≥ 3", trip.Measured.ToString());
    }

    [Fact]
    [Verifies("SRS-IL-001")]
    public void A_bus_fault_is_latched_and_reset_only_after_communication_recovered()
    {
        var rig = new InterlockRig();
        rig.BusFailures = new BusFailureCounts(0, 4);
        rig.Step();

        var refused = rig.Reset("IL-BUS-ACTUATOR");
        rig.BusFailures = BusFailureCounts.None;
        rig.Step();
        var stillActive = rig.IsActive("IL-BUS-ACTUATOR");
        var accepted = rig.Reset("IL-BUS-ACTUATOR");

        Assert.False(refused.Succeeded);
        Assert.Contains("still present", refused.Reason, StringComparison.Ordinal);
        Assert.True(stillActive);
        Assert.True(accepted.Succeeded);
        Assert.Empty(rig.Step().Active);
    }

    [Fact]
    [Verifies("SRS-IL-002", "SRS-IL-032")]
    public void A_counter_frozen_for_more_than_300_ms_trips_safe_state_and_300_ms_does_not()
    {
        var rig = new InterlockRig();

        rig.Step(counterAdvances: false);
        rig.Step(counterAdvances: false);
        rig.Step(counterAdvances: false);
        Assert.False(rig.IsActive("IL-SAMPLE-STALE"));

        rig.Step(Ms(1), counterAdvances: false);
        var trip = rig.Trip("IL-SAMPLE-STALE");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(Ms(301), trip.RaisedAt);
        Assert.Equal("sample counter unchanged for 301 ms > 300 ms", trip.Measured.ToString());
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-002")]
    public void Failed_reads_also_make_the_sample_stale()
    {
        var rig = new InterlockRig();
        rig.SensorReadFails = true;

        rig.RunUntil(Ms(300));
        Assert.False(rig.IsActive("IL-SAMPLE-STALE"));
        rig.Step();

        Assert.True(rig.IsActive("IL-SAMPLE-STALE"));
    }

    [Fact]
    [Verifies("SRS-IL-002")]
    public void A_stale_trip_needs_a_reset_refused_until_the_counter_moves_again()
    {
        var rig = new InterlockRig();
        for (var i = 0; i < 5; i++)
        {
            rig.Step(counterAdvances: false);
        }

        var refused = rig.Reset("IL-SAMPLE-STALE");
        rig.Step();
        var latched = rig.IsActive("IL-SAMPLE-STALE");
        var accepted = rig.Reset("IL-SAMPLE-STALE");

        Assert.False(refused.Succeeded);
        Assert.Contains("still present: sample counter unchanged for 500 ms", refused.Reason, StringComparison.Ordinal);
        Assert.True(latched);
        Assert.True(accepted.Succeeded);
    }
}
