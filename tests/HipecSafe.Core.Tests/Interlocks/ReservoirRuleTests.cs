using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
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

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(649) };
        Assert.True(rig.Step().Active.Any(t => t.RuleId == "IL-RESERVOIR-LOW"), "inside the 50 mL clear margin");
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
    public void A_drop_of_more_than_300_mL_since_phase_start_stops_pump_closes_clamp_and_300_mL_does_not()
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
        Assert.Equal("reservoir drop since phase start 301 mL > 300 mL (1500 mL at phase start, 1199 mL now)", trip.Measured.ToString());
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
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    public void Phases_that_move_fluid_in_or_out_by_design_do_not_judge_the_drop(Phase phase)
    {
        var rig = WithReservoir(1500, phase);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(900) };
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive("IL-RESERVOIR-DROP"));
    }

    [Theory]
    [Verifies("SRS-IL-023", "SRS-IL-042")]
    [InlineData(null)]
    [InlineData(0.0)]
    public void Without_a_volume_recorded_at_phase_start_the_drop_is_unknown_never_a_drop_from_0_mL(double? baseline)
    {
        // The reservoir reading was invalid when the phase began (OI-14): judged against 0 mL no leak could ever trip.
        var rig = WithReservoir(1500);
        rig.ReservoirAtPhaseStart = baseline is { } ml ? Ml(ml) : null;
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1500) };
        rig.Step();

        var check = Engine().Rules.Single(r => r.Id == "IL-RESERVOIR-DROP").Check(Context(rig));
        Assert.Equal(ConditionState.Unknown, check.State);
        Assert.Equal("no reservoir volume recorded at the start of the phase", check.UnknownReason);
    }

    [Fact]
    [Verifies("SRS-IL-023", "SRS-IL-042")]
    public void A_drop_trip_whose_baseline_is_lost_stays_and_cannot_be_reset()
    {
        var rig = WithReservoir(1500);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1000) };
        rig.Step();
        Assert.True(rig.IsActive("IL-RESERVOIR-DROP"));

        rig.ReservoirAtPhaseStart = null;
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1500) };
        rig.Step();

        Assert.True(rig.IsActive("IL-RESERVOIR-DROP"));
        var refused = rig.Reset("IL-RESERVOIR-DROP");
        Assert.False(refused.Succeeded);
        Assert.Contains("cannot be confirmed clear", refused.Reason, StringComparison.Ordinal);
    }

    private static InterlockEngine Engine() => new(InterlockRig.Limits);

    private static InterlockContext Context(InterlockRig rig) =>
        new(rig.Input(), rig.Last.Sensors, InterlockRig.Limits);
}
