using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Interlocks;

public class AirRuleTests
{
    [Fact]
    [Verifies("SRS-IL-019")]
    public void Air_stops_the_pump_closes_the_clamp_and_switches_the_heater_off_at_once()
    {
        var rig = new InterlockRig();

        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();

        var trip = rig.Trip("IL-AIR");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-005", trip.HazardId);
        Assert.Equal(rig.Now, trip.RaisedAt);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-019")]
    public void No_air_no_trip()
    {
        var rig = new InterlockRig();

        rig.Run(TimeSpan.FromSeconds(2));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-019")]
    public void Air_during_priming_is_expected_and_left_to_the_phase_machine()
    {
        var rig = new InterlockRig(phase: Phase.Priming);

        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive("IL-AIR"));
    }

    [Fact]
    [Verifies("SRS-IL-019", "SRS-IL-040")]
    public void An_air_trip_survives_the_move_to_safe_state_and_cannot_be_reset_while_air_is_seen()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();

        rig.Phase = Phase.SafeState;
        rig.Step();
        var refused = rig.Reset("IL-AIR");
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Step();
        var accepted = rig.Reset("IL-AIR");

        Assert.False(refused.Succeeded);
        Assert.Equal("IL-AIR condition still present: air_detected 1 = 1", refused.Reason);
        Assert.True(accepted.Succeeded);
    }
}
