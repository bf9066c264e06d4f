using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Rig;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>The metric definitions on hand-made cycles, so a wrong metric cannot pass a procedure it should fail.</summary>
public class ProcedureMetricsTests
{
    private static readonly TreatmentProfile Profile = TreatmentProfile.Default;
    private static readonly ActuatorCommand Running = new(300, 50, ClampOpen: true, HeaterEnabled: true);

    private static PlantState Truth(double abdomen = 42.0, double spread = 0.0, double inflow = 43.3, double flowMlPerMin = 2000, double core = 37.5) => new()
    {
        AbdomenProbe1 = Temperature.FromDegreesCelsius(abdomen + spread),
        AbdomenProbe2 = Temperature.FromDegreesCelsius(abdomen),
        AbdomenProbe3 = Temperature.FromDegreesCelsius(abdomen),
        AbdomenProbe4 = Temperature.FromDegreesCelsius(abdomen - spread),
        InflowTemperature = Temperature.FromDegreesCelsius(inflow),
        InflowFlow = VolumetricFlow.FromMillilitersPerMinute(flowMlPerMin),
        CoreTemperature = Temperature.FromDegreesCelsius(core),
    };

    private static RigCycle Cycle(double seconds, Phase phase, PlantState truth, double? setpoint = 43.3, ActuatorCommand? command = null, params string[] trips)
    {
        var time = TimeSpan.FromSeconds(seconds);
        var report = new CycleReport(new CycleTick((long)(seconds * 10), time, DateTimeOffset.UnixEpoch + time), null, null, phase,
            command ?? Running, setpoint, trips, [], null, false, null, TimeSpan.Zero, []);
        return new RigCycle(time, truth, report);
    }

    private static ProcedureMetrics Observe(IEnumerable<RigCycle> cycles)
    {
        var metrics = new ProcedureMetrics(Profile, PlantParameters.Default);
        foreach (var c in cycles)
        {
            metrics.Observe(c);
        }

        return metrics;
    }

    [Fact]
    [Verifies("SRS-PC-002")]
    public void Heat_up_runs_from_the_first_heating_cycle_to_the_first_cycle_with_every_probe_at_the_drug_minimum()
    {
        var m = Observe([
            Cycle(10, Phase.Priming, Truth(abdomen: 37), setpoint: null),
            Cycle(20, Phase.Heating, Truth(abdomen: 37)),
            Cycle(300, Phase.Heating, Truth(abdomen: 40.5, spread: 0.6)),   // mean above 40, coldest probe 39.9
            Cycle(320, Phase.Heating, Truth(abdomen: 40.6, spread: 0.6)),   // coldest 40.0
            Cycle(400, Phase.ReadyForChemo, Truth(abdomen: 41)),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(300), m.HeatUp);
        Assert.Equal(300 / m.HeatUpBoundTime!.Value.TotalSeconds, m.HeatUpRatio!.Value, 9);
        Assert.Equal(300 / m.HeatUpInflowLimitedTime!.Value.TotalSeconds, m.HeatUpInflowLimitedRatio!.Value, 9);
    }

    [Fact]
    [Verifies("SRS-PC-003")]
    public void Overshoot_is_the_probe_mean_above_target_and_the_true_inflow_above_its_setpoint_in_the_cascade_phases_only()
    {
        var m = Observe([
            Cycle(10, Phase.Heating, Truth(abdomen: 42.25, spread: 0.5, inflow: 44.1), setpoint: 44.0),
            Cycle(20, Phase.ChemoPerfusion, Truth(abdomen: 42.1, inflow: 43.0), setpoint: 42.8),
            Cycle(30, Phase.Washout, Truth(abdomen: 43.0, inflow: 40.0), setpoint: 37.0),   // not a cascade phase
        ]);

        Assert.Equal(0.25, m.AbdominalOvershootC, 9);
        Assert.Equal(0.2, m.InflowOvershootC, 9);
        Assert.Equal(43.0, m.AbdomenMaxC, 9);
    }

    [Fact]
    [Verifies("SRS-PC-004")]
    public void Inflow_error_is_truth_against_the_setpoint_of_the_same_cycle_during_chemo_perfusion_only()
    {
        var m = Observe([
            Cycle(10, Phase.Heating, Truth(inflow: 40.0), setpoint: 44.0),          // heat-up error is not chemo error
            Cycle(20, Phase.ChemoPerfusion, Truth(inflow: 43.4), setpoint: 43.3),
            Cycle(30, Phase.ChemoPerfusion, Truth(inflow: 43.0), setpoint: 43.3),
            Cycle(40, Phase.Washout, Truth(inflow: 39.0), setpoint: 37.0),
        ]);

        Assert.Equal(0.3, m.InflowErrorMaxC!.Value, 9);
        Assert.Equal(Math.Sqrt((0.01 + 0.09) / 2), m.InflowErrorRmsC!.Value, 9);
    }

    [Fact]
    [Verifies("SRS-PC-005")]
    public void Flow_error_counts_chemo_cycles_once_the_pump_has_run_for_the_settle_time()
    {
        var stopped = ActuatorCommand.Safe;
        var m = Observe([
            Cycle(100, Phase.ChemoPerfusion, Truth(flowMlPerMin: 0), command: stopped),     // pump stopped: not judged
            Cycle(101, Phase.ChemoPerfusion, Truth(flowMlPerMin: 1000)),                    // ramping after the restart
            Cycle(130, Phase.ChemoPerfusion, Truth(flowMlPerMin: 1900)),                    // 29 s after the restart
            Cycle(131, Phase.ChemoPerfusion, Truth(flowMlPerMin: 1970)),                    // settled: 1.5 %
            Cycle(140, Phase.ChemoPerfusion, Truth(flowMlPerMin: 2010)),
        ]);

        Assert.Equal(1.5, m.FlowErrorMaxPercent!.Value, 9);
    }

    [Fact]
    [Verifies("SRS-PC-007")]
    public void Chemo_band_figures_separate_the_entry_from_the_time_in_band()
    {
        var m = Observe([
            Cycle(100, Phase.ChemoPerfusion, Truth(abdomen: 40.5, spread: 0.4)),
            Cycle(200, Phase.ChemoPerfusion, Truth(abdomen: 41.5, spread: 0.4)),
            Cycle(300, Phase.ChemoPerfusion, Truth(abdomen: 42.0, spread: 0.3)),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(100), m.ChemoTimeToBand);
        Assert.Equal(40.1, m.ChemoAbdomenMinC!.Value, 9);
        Assert.Equal(42.3, m.ChemoAbdomenMaxC!.Value, 9);
        Assert.Equal(41.1, m.ChemoInBandMinC!.Value, 9);
        Assert.Equal(42.3, m.ChemoInBandMaxC!.Value, 9);
        Assert.Equal(TimeSpan.FromSeconds(200), m.ChemoTime);
    }

    [Fact]
    [Verifies("SRS-PC-001")]
    public void Phases_trips_and_the_safe_state_are_recorded_as_they_happen()
    {
        var m = Observe([
            Cycle(0.1, Phase.Standby, Truth(), setpoint: null),
            Cycle(0.2, Phase.Priming, Truth(), setpoint: null, trips: "IL-B"),
            Cycle(0.3, Phase.Priming, Truth(core: 38.2), setpoint: null, trips: ["IL-A", "IL-B"]),
            Cycle(0.4, Phase.SafeState, Truth(), setpoint: null, command: ActuatorCommand.Safe),
        ]);

        Assert.Equal([new PhaseEntry(Phase.Standby, TimeSpan.FromSeconds(0.1)), new PhaseEntry(Phase.Priming, TimeSpan.FromSeconds(0.2)),
            new PhaseEntry(Phase.SafeState, TimeSpan.FromSeconds(0.4))], m.Phases);
        Assert.Equal(["IL-A", "IL-B"], m.TripsSeen);
        Assert.True(m.SafeStateEntered);
        Assert.False(m.Completed);
        Assert.Equal(38.2, m.CoreMaxC, 9);
        Assert.Equal(TimeSpan.FromSeconds(0.4), m.SimulatedTime);
    }

    [Fact]
    [Verifies("SRS-PC-001", "SRS-PC-004")]
    public void Figures_never_reached_are_null_not_zero()
    {
        var m = Observe([Cycle(10, Phase.Heating, Truth(abdomen: 38))]);

        Assert.Null(m.HeatUp);
        Assert.Null(m.HeatUpRatio);
        Assert.Null(m.InflowErrorMaxC);
        Assert.Null(m.InflowErrorRmsC);
        Assert.Null(m.FlowErrorMaxPercent);
        Assert.Null(m.ChemoAbdomenMinC);
        Assert.Null(m.ChemoTimeToBand);
        Assert.Contains("heatup_seconds: -\n", m.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PC-002")]
    public void The_inflow_limited_reference_is_slower_than_the_physical_bound_and_needs_a_ceiling_above_the_threshold()
    {
        var flow = VolumetricFlow.FromLitersPerMinute(2.0);
        var threshold = Temperature.FromDegreesCelsius(40.0);
        var limit = Duration.FromMinutes(60);
        var bound = HeatUpBound.Compute(PlantParameters.Default, flow, threshold, limit)!.Value;
        var at44 = ProcedureMetrics.InflowLimitedHeatUp(PlantParameters.Default, flow, threshold, Temperature.FromDegreesCelsius(44.0), limit)!.Value;
        var at445 = ProcedureMetrics.InflowLimitedHeatUp(PlantParameters.Default, flow, threshold, Temperature.FromDegreesCelsius(44.5), limit)!.Value;

        Assert.True(at44 > at445, $"44.0 °C ceiling {at44} vs 44.5 °C {at445}");
        Assert.True(at445 > bound, $"44.5 °C ceiling {at445} vs the full-power bound {bound}");
        Assert.Null(ProcedureMetrics.InflowLimitedHeatUp(PlantParameters.Default, flow, threshold, Temperature.FromDegreesCelsius(40.0), limit));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ProcedureMetrics.InflowLimitedHeatUp(PlantParameters.Default, VolumetricFlow.Zero, threshold, Temperature.FromDegreesCelsius(44.0), limit));
    }
}
