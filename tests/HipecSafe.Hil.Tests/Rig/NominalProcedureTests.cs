using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>
/// The procedure-level targets on a nominal run of the whole lockstep rig (real controller, board emulators on a
/// virtual Modbus bus, plant model). Everything thermal is judged on the plant's truth, not on what the sensors say.
/// </summary>
public class NominalProcedureTests(NominalProcedureFixture run) : IClassFixture<NominalProcedureFixture>
{
    private static readonly Phase[] NominalPhases =
    [
        Phase.PowerOnSelfTest, Phase.Standby, Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion,
        Phase.Washout, Phase.Draining, Phase.Complete,
    ];

    [Fact]
    [Verifies("SRS-PC-001")]
    public void The_nominal_procedure_runs_every_phase_to_complete_without_any_interlock_or_safe_state()
    {
        var m = run.Metrics;

        Assert.Equal(NominalPhases, m.Phases.Select(p => p.Phase));
        Assert.True(m.Completed);
        Assert.False(m.SafeStateEntered);
        Assert.Empty(m.TripsSeen);
        Assert.Equal(0, m.CyclesWithoutReport);
        // Chemo time counts only hyperthermic perfusion (SRS-PH-022): on a nominal run the clock is held only from the
        // drug addition (every probe just above 40.1 °C) until the median probe reaches the 41.0 °C band low, which is
        // before every probe is in the band.
        var counted = m.ChemoTime - m.ChemoClockHeld;
        var chemo = run.Profile.ChemoDuration.ToTimeSpan();
        Assert.InRange(counted, chemo - TimeSpan.FromSeconds(0.2), chemo + TimeSpan.FromSeconds(0.2));
        Assert.True(m.ChemoClockHeld > TimeSpan.Zero, "the drug goes in below the band: the chemo clock must wait for the band");
        Assert.True(m.ChemoClockHeld <= m.ChemoTimeToBand, $"chemo clock held {m.ChemoClockHeld}, longer than the abdomen took to enter the band ({m.ChemoTimeToBand})");
    }

    [Fact]
    [Verifies("SRS-PH-023", "SRS-HIL-028", "SRS-IL-023")]
    public void The_washout_exchanges_the_perfusate_for_saline_and_the_armed_leak_rule_does_not_trip_on_it()
    {
        // The auto operator's exchange (5 L each way) was done in full and confirmed: otherwise the washout clock
        // would not have run and the procedure would not have reached Draining. IL-RESERVOIR-DROP was armed throughout.
        Assert.Equal(5000, run.FinalPlant.DrainedToWaste.Milliliters, 1.0);
        Assert.Equal(5000, run.FinalPlant.SalinePoured.Milliliters, 1.0);
        Assert.Contains(Phase.Draining, run.Metrics.Phases.Select(p => p.Phase));
        Assert.DoesNotContain("IL-RESERVOIR-DROP", run.Metrics.TripsSeen);
    }

    [Fact]
    [Verifies("SRS-PC-002")]
    public void Heat_up_is_within_1_15_times_the_inflow_limited_reference_and_never_beats_the_physical_bound()
    {
        var m = run.Metrics;

        Assert.NotNull(m.HeatUp);
        Assert.NotNull(m.HeatUpBoundTime);
        Assert.NotNull(m.HeatUpInflowLimitedTime);
        Assert.True(m.HeatUp >= m.HeatUpBoundTime, $"heat-up {m.HeatUp} beat the physical bound {m.HeatUpBoundTime}: the plant or the metric is wrong");
        Assert.True(m.HeatUpInflowLimitedRatio <= 1.15,
            $"heat-up {m.HeatUp!.Value.TotalSeconds:0.0} s is {m.HeatUpInflowLimitedRatio:0.000} × the inflow-limited reference {m.HeatUpInflowLimitedTime!.Value.TotalSeconds:0.0} s");
    }

    [Fact]
    [Verifies("SRS-PC-003")]
    public void Neither_the_abdomen_nor_the_inflow_overshoots_by_more_than_0_3_K()
    {
        var m = run.Metrics;

        Assert.InRange(m.AbdominalOvershootC, 0, 0.3);
        Assert.InRange(m.InflowOvershootC, 0, 0.3);
    }

    [Fact]
    [Verifies("SRS-PC-004")]
    public void During_chemo_perfusion_the_true_inflow_stays_within_0_2_K_of_the_setpoint()
    {
        var m = run.Metrics;

        Assert.NotNull(m.InflowErrorMaxC);
        Assert.InRange(m.InflowErrorMaxC.Value, 0, 0.2);
        Assert.InRange(m.InflowErrorRmsC!.Value, 0, 0.2);
    }

    [Fact]
    [Verifies("SRS-PC-005")]
    public void During_chemo_perfusion_the_true_flow_stays_within_2_percent_of_the_profile_target()
    {
        var m = run.Metrics;

        Assert.NotNull(m.FlowErrorMaxPercent);
        Assert.InRange(m.FlowErrorMaxPercent.Value, 0, 2.0);
    }

    [Fact]
    [Verifies("SRS-PC-007")]
    public void During_chemo_perfusion_no_probe_exceeds_the_band_and_once_inside_every_probe_stays_inside()
    {
        var m = run.Metrics;
        var p = run.Profile;

        Assert.NotNull(m.ChemoTimeToBand);
        Assert.True(m.ChemoTimeToBand <= TimeSpan.FromMinutes(10), $"the abdomen took {m.ChemoTimeToBand} of chemo to enter the band");
        Assert.InRange(m.ChemoAbdomenMinC!.Value, p.DrugAdditionMinimum.DegreesCelsius, p.AbdominalBandHigh.DegreesCelsius);
        Assert.InRange(m.ChemoAbdomenMaxC!.Value, p.AbdominalBandLow.DegreesCelsius, p.AbdominalBandHigh.DegreesCelsius);
        Assert.InRange(m.ChemoInBandMinC!.Value, p.AbdominalBandLow.DegreesCelsius, p.AbdominalBandHigh.DegreesCelsius);
        Assert.InRange(m.ChemoInBandMaxC!.Value, p.AbdominalBandLow.DegreesCelsius, p.AbdominalBandHigh.DegreesCelsius);
        Assert.True(m.CoreMaxC < p.Limits.CoreWarning.DegreesCelsius, $"core reached {m.CoreMaxC:0.00} °C");
    }
}
