using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Oracle;
using HipecSafe.Hil.Scenarios;
using HipecSafe.Hil.Scenarios.Reports;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class GeneratedCampaignReportTests
{
    private static readonly ScenarioObservations Nothing = new([], null, null, null, null, null, 42, 44, 38, false, [], VerificationStatus.Intact, "intact",
        TimeSpan.FromMinutes(20), Phase.ChemoPerfusion, "duration reached", false);

    private static (GeneratedScenario Generated, CampaignEntry Entry) Run(string ruleId, params ExpectationOutcome[] outcomes)
    {
        var index = DetectionOracle.Standard.Rules.ToList().FindIndex(r => r.Id == ruleId);
        var generated = ScenarioGenerator.Generate(index + 1, 3)[index];
        var scenario = ScenarioText.Load(generated.Yaml, "/tmp/generated/" + generated.FileName);
        return (generated, new CampaignEntry(scenario, new ScenarioResult(scenario.Name, scenario.Source, outcomes, Nothing, "hazard.log", TimeSpan.FromSeconds(1)), null));
    }

    private static ExpectationOutcome Pass(string name) => new(name, true, "x", "held");

    private static ExpectationOutcome Fail(string name, string measured) => new(name, false, "x", measured);

    [Fact]
    [Verifies("SRS-SC-020")]
    public void Runs_are_counted_by_class_and_every_miss_is_listed_with_its_fault_and_what_happened()
    {
        var runs = new[]
        {
            Run("OR-LEAK-IN-STEADY-VOLUME", Pass("faults_injected"), Pass("safe_state"), Pass("alarm"), Pass("limits.abdomen_max_c")),
            Run("OR-PUMP-SPEED-LOST", Pass("faults_injected"), Pass("safe_state"), Fail("alarm", "not raised; no alarm after the onset")),
            Run("OR-INFLOW-PROBE-LOST", Pass("faults_injected"), Fail("safe_state", "safe state at 00:30:00.0: IL-X"), Pass("alarm"), Fail("limits.inflow_max_c", "max 46.00 °C")),
            Run("OR-HEATER-FAILED-OFF-IN-HEATING", Pass("faults_injected"), Pass("safe_state"), Fail("never_enters", "ChemoPerfusion at 00:15:00.0")),
            Run("OR-TEMPERATURE-PROBE-STUCK", Pass("faults_injected"), Pass("safe_state")),
        };
        var rows = GeneratedCampaignReport.Rows([.. runs.Select(r => r.Generated)], [.. runs.Select(r => r.Entry)]);

        // The lost inflow probe must be tolerated and still raise its probe-fault alarm: a required detection too.
        Assert.Equal(new GeneratedCampaignReport.Summary(5, 3, 2, 1, 1, 1, 1, 0), GeneratedCampaignReport.Summarize(rows));
        Assert.Equal(
            [GeneratedCampaignReport.Outcome.DetectionHeld, GeneratedCampaignReport.Outcome.FalseTrip, GeneratedCampaignReport.Outcome.LimitBreach],
            rows.Single(r => r.Generated.Verdict.Rule.Id == "OR-INFLOW-PROBE-LOST").Outcomes);
        Assert.Equal([GeneratedCampaignReport.Outcome.UndetectableWithinLimits], rows.Single(r => r.Generated.Verdict.Rule.Id == "OR-TEMPERATURE-PROBE-STUCK").Outcomes);

        var md = GeneratedCampaignReport.Markdown(rows, "hipecsafe campaign --generate 5 --seed 3", TimeSpan.FromMinutes(1));
        Assert.Contains("| — missed | 1 |", md, StringComparison.Ordinal);
        var miss = md.Split('\n').Single(l => l.StartsWith($"| {runs[1].Generated.Name} |", StringComparison.Ordinal));
        Assert.Contains("actuator/pump_speed_actual dropout", miss, StringComparison.Ordinal);
        Assert.Contains("IL-PUMP-NOT-RUNNING (high) within 1s300ms", miss, StringComparison.Ordinal);
        Assert.Contains("alarm: not raised; no alarm after the onset", miss, StringComparison.Ordinal);
        Assert.Contains("## False trips (1)", md, StringComparison.Ordinal);
        Assert.Contains("## Limit breaches (1)", md, StringComparison.Ordinal);
        Assert.Contains("safe_state: safe state at 00:30:00.0", md, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-020")]
    public void A_run_error_is_an_other_failure()
    {
        var (generated, entry) = Run("OR-BUS-LOST");
        var errored = entry with { Result = null, Error = "TimeoutException: hung" };
        var rows = GeneratedCampaignReport.Rows([generated], [errored]);
        Assert.Equal([GeneratedCampaignReport.Outcome.OtherFailure], rows.Single().Outcomes);
        Assert.Contains("run error: TimeoutException: hung", GeneratedCampaignReport.Markdown(rows, "c", TimeSpan.Zero), StringComparison.Ordinal);
    }
}
