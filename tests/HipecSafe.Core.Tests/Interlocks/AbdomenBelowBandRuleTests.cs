using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>IL-ABDOMEN-BELOW-BAND: the abdomen below the therapeutic band during chemo perfusion (OI-03).</summary>
public class AbdomenBelowBandRuleTests
{
    private const string Rule = "IL-ABDOMEN-BELOW-BAND";

    private static SensorFrame Abdomen(SensorFrame frame, double a1, double a2, double a3, double a4) =>
        frame with { Abdomen1 = T(a1), Abdomen2 = T(a2), Abdomen3 = T(a3), Abdomen4 = T(a4) };

    private static SensorFrame Abdomen(SensorFrame frame, double all) => Abdomen(frame, all, all, all, all);

    /// <summary>Moves all four probes to <paramref name="target"/> by 0.1 °C per cycle (well inside the 2 °C/s rate check).</summary>
    private static void Ramp(InterlockRig rig, double target)
    {
        var now = rig.Frame.Abdomen1.DegreesCelsius;
        while (Math.Abs(now - target) > 1e-9)
        {
            now = Math.Round(now < target ? Math.Min(target, now + 0.1) : Math.Max(target, now - 0.1), 1);
            rig.Frame = Abdomen(rig.Frame, now);
            rig.Step();
        }
    }

    /// <summary>A chemo phase entered at t = 0 with the abdomen at <paramref name="start"/> on every probe.</summary>
    private static InterlockRig ChemoFrom(double start) => new(f => Abdomen(f, start));

    [Fact]
    [Verifies("SRS-IL-048")]
    public void Once_in_band_a_mean_below_band_low_for_60_s_is_a_medium_alarm_without_constraint_and_59_9_s_is_not()
    {
        var rig = ChemoFrom(42.0);
        Ramp(rig, 40.9);
        var below = rig.Now;

        rig.RunUntil(below + TimeSpan.FromSeconds(59.9));
        Assert.False(rig.IsActive(Rule), "held 59.9 s");
        rig.Step();

        var trip = rig.Trip(Rule);
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-012", trip.HazardId);
        Assert.Equal("SRS-IL-048", trip.RequirementId);
        Assert.Equal(below, trip.ConditionSince);
        Assert.Equal("abdomen (median of valid probes) 40.9 °C < 41 °C (4 valid probes)", trip.Measured.ToString());
        Assert.False(rig.Last.Constrain(Running).IsConstrained);
        Assert.False(rig.Last.RequiresSafeState);
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void The_heat_up_into_the_band_at_chemo_start_does_not_alarm()
    {
        // The drug goes in at 40.0 °C; the abdomen then takes minutes to reach 41 °C: below the band all the while,
        // but the rule is not armed until the median first reaches it.
        var rig = ChemoFrom(40.0);
        for (var t = 0.0; t < 41.0 - 40.0 - 1e-9; t += 0.1)
        {
            rig.Run(TimeSpan.FromSeconds(30));
            Ramp(rig, Math.Round(40.0 + t + 0.1, 1));
            Assert.False(rig.IsActive(Rule), $"at {rig.Now}");
        }

        Assert.True(rig.Now > TimeSpan.FromMinutes(5));
        rig.Run(TimeSpan.FromMinutes(2));
        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void A_chemo_phase_that_never_reaches_the_band_alarms_10_min_plus_60_s_after_its_start()
    {
        var rig = ChemoFrom(40.5);

        rig.RunUntil(TimeSpan.FromMinutes(11) - Ms(100));
        Assert.False(rig.IsActive(Rule));
        rig.Step();

        var trip = rig.Trip(Rule);
        Assert.Equal(TimeSpan.FromMinutes(10), trip.ConditionSince);
        Assert.Equal(TimeSpan.FromMinutes(11), trip.RaisedAt);
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void A_new_entry_of_the_phase_disarms_until_the_band_is_reached_again()
    {
        var rig = ChemoFrom(42.0);
        rig.Step();
        rig.Phase = Phase.Paused;
        Ramp(rig, 40.5);
        rig.Run(TimeSpan.FromMinutes(2));
        Assert.False(rig.IsActive(Rule), "not armed in Paused");

        rig.Phase = Phase.ChemoPerfusion;
        rig.PhaseStartedAt = rig.Now;
        rig.Run(TimeSpan.FromMinutes(3));
        Assert.False(rig.IsActive(Rule), "resumed below the band: heat-up again");

        Ramp(rig, 41.0);
        Ramp(rig, 40.8);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-048", "SRS-IL-041")]
    public void The_alarm_follows_the_condition_and_clears_when_the_median_is_0_2_K_into_the_band_or_chemo_ends()
    {
        var rig = ChemoFrom(42.0);
        Ramp(rig, 40.8);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive(Rule));

        Ramp(rig, 41.1);
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.True(rig.IsActive(Rule), "back at band low, inside the 0.2 K clear margin");
        Ramp(rig, 41.2);
        Assert.False(rig.IsActive(Rule), "band low + 0.2 K");

        Ramp(rig, 40.8);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive(Rule));
        rig.Phase = Phase.Washout;
        rig.PhaseStartedAt = rig.Now;
        rig.Step();
        Assert.False(rig.IsActive(Rule), "washout runs at 37 °C by design");
        rig.Run(TimeSpan.FromMinutes(15));
        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void It_judges_the_median_of_the_valid_probes_so_one_probe_reading_low_does_not_alarm()
    {
        // A probe drifting 6 K low while the others sit at 42.0 °C: the mean (40.5 °C) would alarm, the median does not.
        var rig = ChemoFrom(42.0);
        var cold = 42.0;
        while (cold > 36.0 + 1e-9)
        {
            cold = Math.Round(cold - 0.1, 1);
            rig.Frame = Abdomen(rig.Frame, cold, 42.0, 42.0, 42.0);
            rig.Step();
        }

        rig.Run(TimeSpan.FromMinutes(2));
        Assert.False(rig.IsActive(Rule), "one probe 6 K below the others");

        // The same probe flagged by the board: the mean of the other three (42 °C) is judged.
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Abdomen1) };
        rig.Run(TimeSpan.FromMinutes(2));
        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void One_probe_reading_high_does_not_hide_an_abdomen_that_cooled_below_the_band()
    {
        var rig = ChemoFrom(42.0);
        var t = 42.0;
        while (t > 40.5 + 1e-9)
        {
            t = Math.Round(t - 0.1, 1);
            rig.Frame = Abdomen(rig.Frame, 42.0, t, t, t);
            rig.Step();
        }

        rig.Run(TimeSpan.FromSeconds(61));

        Assert.Equal("abdomen (median of valid probes) 40.5 °C < 41 °C (4 valid probes)", rig.Trip(Rule).Measured.ToString());
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void With_fewer_than_three_valid_probes_it_cannot_judge_and_an_active_alarm_stays()
    {
        var rig = ChemoFrom(42.0);
        Ramp(rig, 40.8);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive(Rule));

        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)(Bit(SensorChannel.Abdomen1) | Bit(SensorChannel.Abdomen2)) };
        rig.Run(TimeSpan.FromSeconds(5));

        Assert.True(rig.IsActive(Rule), "unknown never clears (SRS-IL-042)");
        Assert.True(rig.IsActive("IL-ABDOMEN-PROBES-LOST"));
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void The_limit_is_the_profile_band_low()
    {
        var limits = Limits with { AbdominalBandLow = T(41.5) };
        var rig = new InterlockRig(f => Abdomen(f, 42.0), engine: new InterlockEngine(limits));
        Ramp(rig, 41.4);
        rig.Run(TimeSpan.FromSeconds(61));

        Assert.Equal("abdomen (median of valid probes) 41.4 °C < 41.5 °C (4 valid probes)", rig.Trip(Rule).Measured.ToString());
    }
}
