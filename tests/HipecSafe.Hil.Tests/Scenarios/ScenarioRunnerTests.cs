using HipecSafe.Core.Phases;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class ScenarioRunnerTests
{
    /// <summary>Bus loss during priming: the board watchdog and IL-BUS-* make the device safe within a second.</summary>
    internal static string BusLossDuringPriming(string name = "bus-loss-in-priming", string expect = "expect:\n  safe_state: required\n  within: 1s\n  hazard_logged: true\n  limits: { abdomen_max_c: 43.5, core_max_c: 40.0 }\n  completes: false") =>
        ScenarioText.Valid(name: name, duration: "2m", seed: 11,
            faults: "faults:\n  - at: { phase: Priming, after: 10s }\n    target: bus\n    kind: loss",
            expect: expect);

    [Fact]
    [Verifies("SRS-SC-006", "SRS-SC-011")]
    public void A_short_fault_scenario_meets_its_expectations_and_stops_once_held_safe()
    {
        using var folder = new TempFolder();
        var run = ScenarioRunner.Run(ScenarioText.Load(BusLossDuringPriming()), folder.Path);

        Assert.True(run.Result.Passed, string.Join(Environment.NewLine, run.Result.Outcomes));
        var o = run.Result.Observed;
        Assert.InRange(o.TimeToSafeState!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Contains(o.FindingsAfterOnset, f => f.Label.StartsWith("IL-BUS", StringComparison.Ordinal));
        Assert.Equal(Phase.SafeState, o.EndPhase);
        Assert.StartsWith("held in SafeState", o.EndReason, StringComparison.Ordinal);
        Assert.True(o.EndTime < TimeSpan.FromMinutes(1));
        Assert.Equal(o.EndTime.TotalSeconds, run.Series[^1].TimeSeconds, 9);
        Assert.Equal(Path.Combine(folder.Path, "hazard.log"), run.Result.HazardLogPath);
    }

    [Fact]
    [Verifies("SRS-SC-008", "SRS-SC-011")]
    public void A_nominal_run_into_chemo_has_no_safe_state_no_logged_hazard_and_holds_the_limits()
    {
        using var folder = new TempFolder();
        var scenario = ScenarioText.Load(ScenarioText.Valid(name: "nominal-short", duration: "10m", seed: 5, faults: "faults: []",
            expect: "expect:\n  safe_state: forbidden\n  hazard_logged: false\n  limits: { abdomen_max_c: 43.0, inflow_max_c: 45.0, core_max_c: 40.0 }"));
        var run = ScenarioRunner.Run(scenario, folder.Path);

        Assert.True(run.Result.Passed, string.Join(Environment.NewLine, run.Result.Outcomes));
        Assert.Equal(Phase.ChemoPerfusion, run.Result.Observed.EndPhase);
        Assert.Equal("duration reached", run.Result.Observed.EndReason);
        Assert.Equal(6000, run.Series.Count);
        Assert.Contains(run.Series, s => s.Phase == Phase.Heating);
    }

    [Fact]
    [Verifies("SRS-SC-005")]
    public void The_same_scenario_gives_a_byte_identical_hazard_log_and_the_same_result()
    {
        using var folder = new TempFolder();
        var scenario = ScenarioText.Load(ScenarioText.Valid(name: "crc-in-priming", duration: "90s", seed: 23,
            faults: "faults:\n  - at: 15s\n    target: bus\n    kind: crc_errors\n    params: { rate: 0.3 }\n  - at: 20s\n    target: sensor/t_inflow_b\n    kind: noise\n    params: { sigma: 0.2 }",
            expect: "expect:\n  safe_state: any"));
        var first = ScenarioRunner.Run(scenario, Path.Combine(folder.Path, "a"));
        var second = ScenarioRunner.Run(scenario, Path.Combine(folder.Path, "b"));

        Assert.Equal(File.ReadAllBytes(first.Result.HazardLogPath), File.ReadAllBytes(second.Result.HazardLogPath));
        Assert.Equal(first.Series, second.Series);
        Assert.Equal(first.Result.Outcomes, second.Result.Outcomes);
        Assert.True(first.Result.Observed.FindingsAfterOnset.Count > 0, "the corrupted frames should have left a trace in the log");
    }
}
