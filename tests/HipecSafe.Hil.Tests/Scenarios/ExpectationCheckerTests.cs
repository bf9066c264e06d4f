using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class ExpectationCheckerTests
{
    private static readonly TimeSpan Onset = TimeSpan.FromMinutes(19);

    private static Scenario Scenario(string expect, string? faults = null) => ScenarioText.Load(ScenarioText.Valid(faults: faults, expect: expect));

    private static ScenarioObservations Observed(
        TimeSpan? safeAfter = null,
        TimeSpan? firstSafe = null,
        IReadOnlyList<HazardLogFinding>? findings = null,
        bool completed = false,
        double maxAbdomen = 42,
        bool fired = true,
        bool stoppedSafe = false,
        VerificationStatus log = VerificationStatus.Intact)
    {
        var scenario = Scenario("expect:\n  safe_state: any");
        var activation = new FaultActivation(scenario.Faults[0], fired ? Onset : null, null, fired ? null : "the procedure never entered ChemoPerfusion");
        SafeStateSighting? Sighting(TimeSpan? t) => t is { } v ? new SafeStateSighting(v, "controller SafeState", false, Phase.SafeState) : null;
        return new ScenarioObservations([activation], fired ? Onset : null, fired ? Onset - TimeSpan.FromMilliseconds(100) : null,
            Sighting(firstSafe ?? safeAfter), Sighting(safeAfter), null, maxAbdomen, 44, 38, completed, findings ?? [], log, log.ToString(),
            Onset + TimeSpan.FromSeconds(20), completed ? Phase.Complete : Phase.SafeState, "test", stoppedSafe);
    }

    private static ExpectationOutcome Outcome(Scenario scenario, ScenarioObservations observed, string name) =>
        Assert.Single(ExpectationChecker.Check(scenario, observed), o => o.Name == name);

    [Theory]
    [Verifies("SRS-SC-006")]
    [InlineData(1000, true)]
    [InlineData(1100, false)]
    public void Required_safe_state_is_measured_from_the_onset_against_within(int afterMs, bool passes)
    {
        var outcome = Outcome(Scenario("expect:\n  safe_state: required\n  within: 1s"), Observed(safeAfter: Onset + TimeSpan.FromMilliseconds(afterMs)), "safe_state");
        Assert.Equal(passes, outcome.Passed);
        Assert.Contains($"{afterMs / 1000.0:0.0} s after the onset", outcome.Measured, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void Required_fails_without_a_safe_state_or_without_an_onset()
    {
        var scenario = Scenario("expect:\n  safe_state: required\n  within: 1s");
        Assert.False(Outcome(scenario, Observed(), "safe_state").Passed);
        var noOnset = Outcome(scenario, Observed(firstSafe: TimeSpan.FromMinutes(5), fired: false), "safe_state");
        Assert.False(noOnset.Passed);
        Assert.Contains("no fault fired", noOnset.Measured, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void Forbidden_fails_on_any_safe_state_even_before_the_onset()
    {
        var scenario = Scenario("expect:\n  safe_state: forbidden");
        Assert.True(Outcome(scenario, Observed(), "safe_state").Passed);
        Assert.False(Outcome(scenario, Observed(firstSafe: TimeSpan.FromMinutes(3)), "safe_state").Passed);
    }

    [Fact]
    [Verifies("SRS-SC-007")]
    public void Hazard_logged_counts_only_trips_faults_and_safe_state_records_from_the_onset_on()
    {
        var scenario = Scenario("expect:\n  safe_state: any\n  hazard_logged: true");
        var before = new HazardLogFinding(Onset - TimeSpan.FromSeconds(1), HazardLogKind.InterlockTripped, "IL-AIR (HAZ-005) tripped: x");
        var crashStamp = new HazardLogFinding(Onset - TimeSpan.FromMilliseconds(100), HazardLogKind.Fault, "fault from supervisor: crashed");
        Assert.False(Outcome(scenario, Observed(findings: [before]), "hazard_logged").Passed);
        Assert.True(Outcome(scenario, Observed(findings: [before, crashStamp]), "hazard_logged").Passed);
        Assert.False(Outcome(Scenario("expect:\n  safe_state: any\n  hazard_logged: false"), Observed(findings: [crashStamp]), "hazard_logged").Passed);
    }

    [Fact]
    [Verifies("SRS-SC-008")]
    public void Limits_and_completion_are_judged_on_the_measured_truth()
    {
        var scenario = Scenario("expect:\n  safe_state: any\n  limits: { abdomen_max_c: 43.0 }\n  completes: true");
        Assert.True(Outcome(scenario, Observed(maxAbdomen: 43.0), "limits.abdomen_max_c").Passed);
        Assert.False(Outcome(scenario, Observed(maxAbdomen: 43.01), "limits.abdomen_max_c").Passed);
        Assert.True(Outcome(scenario, Observed(completed: true), "completes").Passed);
        Assert.False(Outcome(scenario, Observed(), "completes").Passed);
        Assert.DoesNotContain(ExpectationChecker.Check(Scenario("expect:\n  safe_state: any\n  completes: false"), Observed()), o => o.Name == "completes");
    }

    [Fact]
    [Verifies("SRS-SC-004")]
    public void A_fault_that_never_fired_fails_unless_the_run_ended_early_in_a_safe_state()
    {
        var scenario = Scenario("expect:\n  safe_state: any");
        var never = Outcome(scenario, Observed(fired: false), "faults_injected");
        Assert.False(never.Passed);
        Assert.Contains("never entered ChemoPerfusion", never.Measured, StringComparison.Ordinal);
        Assert.True(Outcome(scenario, Observed(fired: false, stoppedSafe: true), "faults_injected").Passed);
    }

    [Fact]
    [Verifies("SRS-SC-007")]
    public void A_hazard_log_that_does_not_verify_fails_the_run()
    {
        var scenario = Scenario("expect:\n  safe_state: any");
        Assert.True(Outcome(scenario, Observed(), "hazard_log_intact").Passed);
        Assert.False(Outcome(scenario, Observed(log: VerificationStatus.Corrupt), "hazard_log_intact").Passed);
    }

    [Theory]
    [Verifies("SRS-SC-021")]
    [InlineData(0, 0, true)]
    [InlineData(100, 0, false)]
    [InlineData(100, 100, true)]
    [InlineData(300, 200, false)]
    public void Chemo_time_counted_without_flow_is_judged_against_its_bound(int countedMs, int boundMs, bool passes)
    {
        var scenario = Scenario($"expect:\n  safe_state: any\n  chemo_clock: {{ max_counted_without_flow: {boundMs}ms }}");
        var counted = countedMs == 0
            ? ChemoCountedWithoutFlow.None
            : new ChemoCountedWithoutFlow(TimeSpan.FromMilliseconds(countedMs), Onset + TimeSpan.FromSeconds(2), countedMs / 100, countedMs / 100);
        var outcome = Outcome(scenario, Observed() with { ChemoWithoutFlow = counted }, "chemo_clock");
        Assert.Equal(passes, outcome.Passed);
        Assert.Contains(countedMs == 0 ? "no chemo time counted" : $"in {countedMs / 100} cycle(s) without flow", outcome.Measured, StringComparison.Ordinal);
    }
}
