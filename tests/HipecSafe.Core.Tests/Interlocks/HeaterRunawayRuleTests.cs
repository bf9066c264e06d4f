using HipecSafe.Core.Actuators;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

[Verifies("SRS-IL-005")]
public class HeaterRunawayRuleTests
{
    private static readonly ActuatorCommand HeaterOff = Running.WithHeaterOff();

    [Fact]
    [Verifies("SRS-IL-005")]
    public void Heater_power_while_commanded_off_trips_after_200_ms_not_before()
    {
        var rig = new InterlockRig();
        rig.LastCommand = HeaterOff;
        rig.Feedback = NominalFeedback() with { Status = BoardStatus.PumpRunning | BoardStatus.ClampOpen, HeaterPowerActualPermille = 120 };

        rig.Step();
        rig.Step();
        Assert.False(rig.IsActive("IL-HEATER-RUNAWAY"), "held 100 ms");
        rig.Step();

        var trip = rig.Trip("IL-HEATER-RUNAWAY");
        Assert.Equal("HAZ-010", trip.HazardId);
        Assert.Equal(Ms(100), trip.ConditionSince);
        Assert.Equal(Ms(300), trip.RaisedAt);
        Assert.Equal("heater_power_actual 120 ‰ > 0 ‰ (heater commanded off)", trip.Measured.ToString());
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-005")]
    public void Heater_relay_closed_while_commanded_open_trips()
    {
        var rig = new InterlockRig();
        rig.LastCommand = HeaterOff;
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = 0 };

        rig.Run(Ms(300));

        Assert.Equal("heater relay closed 1 = 1 (relay commanded open)", rig.Trip("IL-HEATER-RUNAWAY").Measured.ToString());
    }

    [Fact]
    [Verifies("SRS-IL-005")]
    public void One_lagging_read_after_switching_off_does_not_trip()
    {
        var rig = new InterlockRig();
        rig.LastCommand = HeaterOff;

        rig.Step();
        rig.Feedback = NominalFeedback() with { Status = BoardStatus.PumpRunning | BoardStatus.ClampOpen, HeaterPowerActualPermille = 0 };
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive("IL-HEATER-RUNAWAY"));
    }

    [Fact]
    [Verifies("SRS-IL-005")]
    public void Power_while_commanded_on_is_normal()
    {
        var rig = new InterlockRig();

        rig.Run(TimeSpan.FromSeconds(1));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-005")]
    public void The_trip_is_latched_until_the_heater_really_is_off()
    {
        var rig = new InterlockRig();
        rig.LastCommand = HeaterOff;
        rig.Run(Ms(300));
        Assert.False(rig.Reset("IL-HEATER-RUNAWAY").Succeeded);

        rig.Feedback = NominalFeedback() with { Status = BoardStatus.None, HeaterPowerActualPermille = 0 };
        rig.Step();

        Assert.True(rig.IsActive("IL-HEATER-RUNAWAY"));
        Assert.True(rig.Reset("IL-HEATER-RUNAWAY").Succeeded);
    }
}
