using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

/// <summary>The temperature cascade closed around the first-order-plus-dead-time test plant.</summary>
public class CascadeTests
{
    private static readonly TreatmentProfile Profile = TreatmentProfile.Default;
    private static double Target => Profile.AbdominalTarget.DegreesCelsius;

    private static ControlLaw LawWithHeater(double watts) =>
        new(plant: ControlPlantModel.Default with { HeaterMaxPower = Power.FromWatts(watts) });

    [Fact]
    [Verifies("SRS-CT-004")]
    public void From_body_temperature_the_abdomen_settles_at_the_target_without_overshooting_more_than_0_3_K()
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 37));

        loop.Run(Phase.Priming, 60).Run(Phase.Heating, 3600);

        var heating = loop.Samples.Where(s => s.Phase == Phase.Heating).ToList();
        Assert.True(heating.Max(s => s.AbdominalMedian) <= Target + 0.3, $"overshoot to {heating.Max(s => s.AbdominalMedian):0.000} °C");
        var settled = loop.Between(60 + 1800, double.MaxValue).ToList();
        Assert.All(settled, s => Assert.InRange(s.AbdominalMedian, Target - 0.1, Target + 0.1));
        Assert.All(settled, s => Assert.InRange(s.Inflow - s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius, -0.1, 0.1));
        Assert.True(heating.Max(s => s.AbdominalMax) < Profile.AbdominalBandHigh.DegreesCelsius);
    }

    [Theory]
    [InlineData(700, 700)]
    [InlineData(700, 2000)]
    [Verifies("SRS-CT-005")]
    public void After_more_than_ten_minutes_of_heater_saturation_the_abdomen_does_not_overshoot_more_than_0_3_K(
        double plantHeaterWatts, double configuredHeaterWatts)
    {
        // An under-powered heater and a cold start keep both loops saturated for a long time; the second case also
        // mis-sets the heater power, so the feed-forward is 2.9 times too small and the integrator must make it up.
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 30, heaterMaxWatts: plantHeaterWatts), law: LawWithHeater(configuredHeaterWatts));

        loop.Run(Phase.Priming, 60).Run(Phase.Heating, 3600);

        var heating = loop.Samples.Where(s => s.Phase == Phase.Heating).ToList();
        var heaterSaturatedSeconds = heating.Count(s => s.Command.HeaterPowerPermille == 1000) * CascadeTestPlant.StepSeconds;
        var setpointSaturatedSeconds = heating.Count(s => s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius >= 44.0 - 1e-9) * CascadeTestPlant.StepSeconds;
        Assert.True(heaterSaturatedSeconds >= 600, $"heater saturated only {heaterSaturatedSeconds} s");
        Assert.True(setpointSaturatedSeconds >= 600, $"inflow set-point saturated only {setpointSaturatedSeconds} s");
        Assert.True(heating.Max(s => s.AbdominalMedian) <= Target + 0.3, $"overshoot to {heating.Max(s => s.AbdominalMedian):0.000} °C");
        Assert.InRange(heating[^1].AbdominalMedian, Target - 0.1, Target + 0.1);
    }

    [Fact]
    [Verifies("SRS-CT-006")]
    public void The_inflow_setpoint_stays_within_the_profile_bounds_and_never_above_the_hard_bound()
    {
        // A profile built around the loader (which would refuse it) asks for 46 °C; the law still stops at 44.5 °C.
        var reckless = Profile with { InflowSetpointMax = Temperature.FromDegreesCelsius(46) };
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 36), reckless);

        loop.Run(Phase.Priming, 30).Run(Phase.Heating, 600);

        var setpoints = loop.Samples.Where(s => s.Phase == Phase.Heating).Select(s => s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius).ToList();
        Assert.All(setpoints, sp => Assert.InRange(sp, reckless.InflowSetpointMin.DegreesCelsius, HardBounds.InflowSetpointMaxC));
        Assert.Equal(HardBounds.InflowSetpointMaxC, setpoints.Max(), 9);
    }

    [Fact]
    [Verifies("SRS-CT-006")]
    public void An_abdomen_above_target_drives_the_setpoint_to_the_profile_minimum_and_no_lower()
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 43.3));

        loop.Run(Phase.Priming, 30).Run(Phase.Heating, 300);

        var setpoints = loop.Samples.Where(s => s.Phase == Phase.Heating).Select(s => s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius).ToList();
        Assert.All(setpoints, sp => Assert.InRange(sp, Profile.InflowSetpointMin.DegreesCelsius, Profile.InflowSetpointMax.DegreesCelsius));
        Assert.Equal(Profile.InflowSetpointMin.DegreesCelsius, setpoints.Min(), 9);
        Assert.All(loop.Samples.Where(s => s.Phase == Phase.Heating && s.Inflow > s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius + 0.5),
            s => Assert.Equal(0, s.Command.HeaterPowerPermille));
    }

    [Fact]
    [Verifies("SRS-CT-007")]
    public void When_one_probe_runs_hot_the_loop_backs_off_and_holds_it_below_the_band_top()
    {
        // Probe 1 sits 1 K above the abdominal mean (near the inflow cannula).
        var plant = new CascadeTestPlant(startCelsius: 37, probeOffsets: [1.0, -0.3, -0.3, -0.4]);
        var loop = new ClosedLoop(plant);

        loop.Run(Phase.Priming, 60).Run(Phase.Heating, 3600);

        var limit = Profile.AbdominalBandHigh.DegreesCelsius - ControlGains.Default.HotProbeMargin.DegreesCelsius;
        var heating = loop.Samples.Where(s => s.Phase == Phase.Heating).ToList();
        Assert.True(heating.Max(s => s.AbdominalMax) <= limit + 0.3, $"hottest probe reached {heating.Max(s => s.AbdominalMax):0.000} °C");
        Assert.True(heating.Max(s => s.AbdominalMax) < Profile.AbdominalBandHigh.DegreesCelsius);
        var last = heating[^1];
        Assert.InRange(last.AbdominalMax, limit - 0.05, limit + 0.05);
        Assert.InRange(last.AbdominalMean, limit - 1.0 - 0.05, limit - 1.0 + 0.05);
        Assert.Equal(last.AbdominalMax - (limit - Target), last.Diagnostics.Abdominal.Controlled!.Value.DegreesCelsius, 9);
    }

    [Fact]
    [Verifies("SRS-CT-007", "SRS-CT-019")]
    public void With_probes_close_together_the_median_of_the_valid_ones_is_what_is_regulated()
    {
        var feedback = AbdominalFeedback.From(
            [ProbeReading.Ok(42.2), ProbeReading.Ok(41.9), ProbeReading.Invalid(60), ProbeReading.Ok(41.8)],
            Profile, ControlGains.Default.HotProbeMargin);

        Assert.Equal(3, feedback.ValidCount);
        Assert.Equal(0b1011, feedback.ValidMask);
        Assert.Equal(41.9, feedback.Median!.Value.DegreesCelsius, 9);
        Assert.Equal(42.2, feedback.Hottest!.Value.DegreesCelsius, 9);
        Assert.Equal(41.9, feedback.Controlled!.Value.DegreesCelsius, 9);
    }

    [Theory]
    [InlineData(39.0, 42.0)] // one probe 3 K low: an even count takes the middle two, both 42.0
    [InlineData(45.0, 42.0)] // one reading 3 K high: the median ignores it too, but the hot-probe term does not
    [Verifies("SRS-CT-019")]
    public void One_outlying_probe_does_not_move_the_median(double outlier, double median)
    {
        var feedback = AbdominalFeedback.From(
            [ProbeReading.Ok(42.0), ProbeReading.Ok(42.0), ProbeReading.Ok(outlier), ProbeReading.Ok(42.0)],
            Profile, ControlGains.Default.HotProbeMargin);

        Assert.Equal(median, feedback.Median!.Value.DegreesCelsius, 9);
        // The hot-probe limit (SRS-CT-007): hottest − (43.0 − 0.3 − 42.0) when that is above the median.
        var hottest = Math.Max(42.0, outlier);
        Assert.Equal(Math.Max(median, hottest - 0.7), feedback.Controlled!.Value.DegreesCelsius, 9);
    }

    [Fact]
    [Verifies("SRS-CT-019")]
    public void One_probe_three_kelvin_low_does_not_drive_the_inflow_setpoint_to_its_cap()
    {
        // The patient takes 1.6 K from the inflow, so the abdomen at its 42.0 °C target needs 43.6 °C inflow, 0.4 K
        // under the 44.0 °C cap. Once the abdomen has settled, probe 4 slips into a cold corner and reads 3 K below
        // the rest. A loop dragged by it would push the abdomen up to the hot-probe limit (42.7 °C), which needs
        // 44.3 °C inflow: past the cap.
        var plant = new CascadeTestPlant(startCelsius: 37, probeOffsets: [0.0, 0.0, 0.0, 0.0], patientDropKelvin: 1.6);
        var loop = new ClosedLoop(plant);
        loop.Run(Phase.Priming, 60).Run(Phase.Heating, 3600);
        var pocketed = loop.Time;

        plant.ProbeOffsets[3] = -3.0;
        loop.Run(Phase.Heating, 3600);

        var cap = Profile.InflowSetpointMax.DegreesCelsius;
        var after = loop.Between(pocketed, double.MaxValue).ToList();
        var highest = after.Max(s => s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius);
        Assert.True(highest < cap - 0.2, $"inflow set-point reached {highest:0.000} °C (cap {cap:0.0} °C)");
        // The three probes in the bulk read the abdomen, so their median is it.
        Assert.All(after, s => Assert.InRange(s.AbdominalMedian, Target - 0.1, Target + 0.1));
        Assert.All(after, s => Assert.InRange(s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius, Target + 1.6 - 0.1, Target + 1.6 + 0.1));
    }
}
