using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// IL-RESERVOIR-DRAIN-FALL (SRS-IL-070). Oracle: conservation of volume with the drains open — the abdomen only
/// empties and the pump returns what it takes, so the reservoir can only rise in Draining; a fall of more than the
/// profile's 300 mL IL-RESERVOIR-DROP limit below its highest level is fluid unaccounted for.
/// </summary>
public class DrainingReservoirFallRuleTests
{
    private const string Rule = "IL-RESERVOIR-DRAIN-FALL";

    private static Volume Ml(double value) => Volume.FromMilliliters(value);

    private static InterlockRig Draining(double ml = 1400) => new(f => f with { ReservoirVolume = Ml(ml) }, Phase.Draining);

    /// <summary>The abdomen drains into the reservoir at <paramref name="mlPerMinute"/> for <paramref name="duration"/>, one reading per cycle.</summary>
    private static void Rise(InterlockRig rig, double mlPerMinute, TimeSpan duration)
    {
        var end = rig.Now + duration;
        while (rig.Now < end)
        {
            rig.Frame = rig.Frame with { ReservoirVolume = rig.Frame.ReservoirVolume + Ml(mlPerMinute * InterlockRig.Cycle.TotalMinutes) };
            rig.Step();
            Assert.False(rig.IsActive(Rule), $"tripped while the level rose, at {rig.Frame.ReservoirVolume}");
        }
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void A_level_that_only_rises_while_the_abdomen_drains_is_not_judged_a_loss()
    {
        var rig = Draining();

        Rise(rig, 2000, TimeSpan.FromMinutes(2));
        rig.Run(TimeSpan.FromMinutes(3));

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void A_fall_of_more_than_300_mL_below_the_highest_level_stops_pump_closes_clamp_and_300_mL_does_not()
    {
        var rig = Draining();
        Rise(rig, 1800, TimeSpan.FromMinutes(1)); // 3 mL a cycle: 1400 → 3200 mL
        Assert.Equal(3200, rig.Frame.ReservoirVolume.Milliliters, 6);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(3200) };
        rig.Run(TimeSpan.FromSeconds(3));         // the top is confirmed by two samples a second apart

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2900) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.False(rig.IsActive(Rule));

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2899) };
        rig.Step();
        var trip = rig.Trip(Rule);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-006", trip.HazardId);
        Assert.Equal("SRS-IL-070", trip.RequirementId);
        Assert.Equal(301, trip.Measured.Value, 6);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void The_trip_is_latched_until_reset_with_the_level_back_within_the_limit()
    {
        var rig = Draining(3000);
        rig.Run(TimeSpan.FromSeconds(3));
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2500) };
        rig.Step();
        Assert.True(rig.IsActive(Rule));

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2650) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive(Rule));
        Assert.False(rig.Reset(Rule).Succeeded);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2750) };
        rig.Step();
        Assert.True(rig.IsActive(Rule));
        Assert.True(rig.Reset(Rule).Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void One_high_reading_does_not_become_the_level_a_fall_is_judged_from()
    {
        var rig = Draining(3000);
        rig.Run(TimeSpan.FromSeconds(3));

        // A single reading 1000 mL high, wherever it falls relative to the once-a-second sample.
        for (var i = 0; i < 10; i++)
        {
            rig.Frame = rig.Frame with { ReservoirVolume = Ml(4000) };
            rig.Step();
            rig.Frame = rig.Frame with { ReservoirVolume = Ml(3000) };
            rig.Run(TimeSpan.FromSeconds(3));
            Assert.False(rig.IsActive(Rule));
        }
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void The_highest_level_is_kept_across_a_pause_so_the_loss_adds_up()
    {
        var rig = Draining(3000);
        rig.Run(TimeSpan.FromSeconds(3));

        rig.Phase = Phase.Paused;
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2800) };
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.False(rig.IsActive(Rule));

        rig.Phase = Phase.Draining;
        rig.Step();
        Assert.False(rig.IsActive(Rule));
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2690) };
        rig.Step();
        Assert.True(rig.IsActive(Rule));
    }

    [Theory]
    [Verifies("SRS-IL-070")]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Complete)]
    public void Outside_draining_the_rule_is_not_armed(Phase phase)
    {
        var rig = new InterlockRig(f => f with { ReservoirVolume = Ml(3000) }, phase) { CircuitVolumeBaseline = null };
        rig.Run(TimeSpan.FromSeconds(3));

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1000) };
        rig.Run(TimeSpan.FromSeconds(3));

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void A_reading_that_is_not_a_measurement_is_no_fall_and_no_level()
    {
        var rig = Draining(3000);
        rig.Run(TimeSpan.FromSeconds(3));

        // Above the 0–5000 mL plausible range of the level channel (docs/icd.md §5): not a measurement.
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(6000) };
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.False(rig.IsActive(Rule));

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2750) };
        rig.Step();
        Assert.False(rig.IsActive(Rule));
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(2699) };
        rig.Step();
        Assert.True(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void The_rule_is_in_the_standard_set_right_after_the_drop_rule()
    {
        var rules = InterlockRuleSet.Standard(InterlockRig.Limits);
        var drop = rules.ToList().FindIndex(r => r.Id == "IL-RESERVOIR-DROP");

        Assert.IsType<DrainingReservoirFallRule>(rules[drop + 1]);
        Assert.Equal(Rule, rules[drop + 1].Id);
    }

    [Fact]
    [Verifies("SRS-IL-070")]
    public void The_highest_level_is_the_lower_of_two_consecutive_samples()
    {
        var peak = DrainingReservoirPeak.Empty.Sample(TimeSpan.Zero, 3000);
        Assert.Null(peak.Highest);

        peak = peak.Sample(TimeSpan.FromSeconds(1), 4000).Sample(TimeSpan.FromSeconds(2), 3100);
        Assert.Equal(3100, peak.Highest);

        peak = peak.Sample(TimeSpan.FromSeconds(3), 3050);
        Assert.Equal(3100, peak.Highest);
    }
}
