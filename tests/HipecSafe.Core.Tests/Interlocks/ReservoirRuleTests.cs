using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Interlocks;

public class ReservoirRuleTests
{
    private static Volume Ml(double value) => Volume.FromMilliliters(value);

    private static InterlockRig WithReservoir(double ml, Phase phase = Phase.ChemoPerfusion) =>
        new(f => f with { ReservoirVolume = Ml(ml) }, phase);

    [Fact]
    [Verifies("SRS-IL-022")]
    public void Below_600_mL_is_a_medium_alarm_that_clears_and_600_mL_is_not()
    {
        var rig = WithReservoir(600);
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Last.Active);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(599) };
        rig.Step();
        var trip = rig.Trip("IL-RESERVOIR-LOW");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-007", trip.HazardId);
        Assert.Equal(InterlockRig.Running, rig.Constrained());

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(650) };
        Assert.Empty(rig.Step().Active);
    }

    [Fact]
    [Verifies("SRS-IL-021")]
    public void Below_300_mL_stops_pump_and_heater_latched_and_300_mL_does_not()
    {
        var rig = WithReservoir(300);
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.False(rig.IsActive("IL-RESERVOIR-CRITICAL"));

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(299) };
        rig.Step();
        var trip = rig.Trip("IL-RESERVOIR-CRITICAL");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false), rig.Constrained());

        var refused = rig.Reset("IL-RESERVOIR-CRITICAL");
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(900) };
        rig.Step();
        Assert.True(rig.IsActive("IL-RESERVOIR-CRITICAL"));
        Assert.False(refused.Succeeded);
        Assert.True(rig.Reset("IL-RESERVOIR-CRITICAL").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-021", "SRS-IL-022")]
    public void Draining_empties_the_reservoir_by_design()
    {
        var rig = WithReservoir(100, Phase.Draining);

        rig.Run(TimeSpan.FromSeconds(1));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_loss_of_more_than_300_mL_since_the_baseline_stops_pump_closes_clamp_and_300_mL_does_not()
    {
        var rig = WithReservoir(1500);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1200) };
        rig.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Last.Active);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1199) };
        rig.Step();
        var trip = rig.Trip("IL-RESERVOIR-DROP");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-006", trip.HazardId);
        Assert.Equal("reservoir loss since the circuit-volume baseline 301 mL > 300 mL (1500 mL baseline, 1199 mL now)", trip.Measured.ToString());
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_drop_trip_is_latched_until_reset_with_the_volume_back()
    {
        var rig = WithReservoir(1500);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1000) };
        rig.Step();

        Assert.False(rig.Reset("IL-RESERVOIR-DROP").Succeeded);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1450) };
        rig.Step();
        Assert.True(rig.IsActive("IL-RESERVOIR-DROP"));
        Assert.True(rig.Reset("IL-RESERVOIR-DROP").Succeeded);
    }

    [Theory]
    [Verifies("SRS-IL-023")]
    [InlineData(Phase.Heating)]
    [InlineData(Phase.ReadyForChemo)]
    [InlineData(Phase.Washout)]
    public void Steady_volume_phases_with_a_baseline_in_force_judge_the_loss(Phase phase)
    {
        var rig = WithReservoir(1500, phase);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1150) };
        rig.Step();

        Assert.True(rig.IsActive("IL-RESERVOIR-DROP"));
    }

    [Theory]
    [Verifies("SRS-IL-023")]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Draining)]
    public void Phases_that_move_fluid_in_or_out_by_design_do_not_judge_the_drop(Phase phase)
    {
        var rig = WithReservoir(1500, phase);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(900) };
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive("IL-RESERVOIR-DROP"));
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void Without_a_baseline_in_force_the_rule_is_not_armed_and_cannot_confirm_a_reset()
    {
        var rig = WithReservoir(1500);
        rig.CircuitVolumeBaseline = null;

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(500) };
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive("IL-RESERVOIR-DROP"));
        var check = new ReservoirDropRule(InterlockRig.Limits).Check(new InterlockContext(rig.Input(), rig.Last.Sensors, InterlockRig.Limits));
        Assert.Equal(ConditionState.Unknown, check.State);
        Assert.Equal("no circuit-volume baseline in force", check.UnknownReason);
    }
}
