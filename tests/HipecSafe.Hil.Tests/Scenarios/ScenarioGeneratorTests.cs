using HipecSafe.Core.Phases;
using HipecSafe.Hil.Oracle;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class ScenarioGeneratorTests
{
    private static readonly DetectionOracle Oracle = DetectionOracle.Standard;

    private static List<(GeneratedScenario Generated, Scenario Scenario)> LoadAll(int count, int seed) =>
        [.. ScenarioGenerator.Generate(count, seed).Select(g => (g, ScenarioText.Load(g.Yaml, "/tmp/generated/" + g.FileName)))];

    [Fact]
    [Verifies("SRS-SC-010")]
    public void Generated_scenarios_load_and_cover_every_oracle_rule_and_every_fault_kind()
    {
        var all = LoadAll(Oracle.Rules.Count, 17);

        Assert.Equal(all.Count, all.Select(s => s.Scenario.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Oracle.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), all.Select(s => s.Generated.Verdict.Rule.Id).Distinct().Order(StringComparer.Ordinal));
        var kinds = all.Select(s => ScenarioFilesTests.AllKinds.Contains(TargetKind(s.Scenario.Faults.Single())) ? TargetKind(s.Scenario.Faults.Single()) : null).ToHashSet();
        Assert.All(ScenarioFilesTests.AllKinds, kind => Assert.Contains(kind, kinds));
        foreach (var register in new[] { "board_status", "heater_power_actual", "pump_speed_actual", "limiter_temp", "heartbeat_echo" })
        {
            Assert.Contains(all, s => s.Scenario.Faults[0].Target == "actuator/" + register);
        }

        Assert.Contains(all, s => s.Scenario.Faults[0].At is AfterPhaseEntry { Phase: Phase.Paused } && s.Scenario.Script.Single().Action == ScriptedAction.Pause);
        Assert.Contains(all, s => s.Scenario.Faults[0].At is AfterPhaseEntry { Phase: Phase.Washout });
    }

    [Fact]
    [Verifies("SRS-SC-010", "SRS-SC-019")]
    public void Each_scenario_carries_the_oracles_expectation_and_the_single_fault_limits()
    {
        Assert.All(LoadAll(3 * Oracle.Rules.Count, 5), s =>
        {
            var (g, scenario) = s;
            var rule = g.Verdict.Rule;
            Assert.Equal(rule, Oracle.Classify(g.Fault)!.Rule);
            Assert.Equal(rule.SafeState, scenario.Expect.SafeState);
            Assert.Equal(Oracle.LimitsFor(rule), scenario.Expect.Limits);
            Assert.Equal(g.Verdict.SafeWithin, scenario.Expect.Within?.ToTimeSpan());
            Assert.Equal(rule.NeverEnters.Count == 0 ? null : rule.NeverEnters, scenario.Expect.NeverEnters);
            if (rule.Alarm is { } alarm)
            {
                Assert.Equal(alarm.Ids, scenario.Expect.Alarm!.Ids);
                Assert.Equal(alarm.Priority, scenario.Expect.Alarm.Priority);
                Assert.Equal(g.Verdict.AlarmWithin, scenario.Expect.Alarm.Within.ToTimeSpan());
            }
            else
            {
                Assert.Null(scenario.Expect.Alarm);
            }

            switch (rule.Class)
            {
                case OracleClass.Detect:
                    Assert.NotNull(scenario.Expect.Alarm);
                    break;
                case OracleClass.Tolerate:
                    Assert.Equal(SafeStateExpectation.Forbidden, scenario.Expect.SafeState);
                    break;
            }

            // No loose robustness limits any more: the limits are those the hazard analysis claims for one fault.
            Assert.True(scenario.Expect.Limits.AbdomenMaxC <= 43.5 && scenario.Expect.Limits.CoreMaxC <= 40.0 && scenario.Expect.Limits.InflowMaxC <= 45.5);
            // A bounded fault lasts past its detection deadline.
            if (scenario.Faults[0].For is { } lasts && g.Verdict.AlarmWithin is { } due && rule.For.Min is null)
            {
                Assert.True(lasts.ToTimeSpan() > due, scenario.Name);
            }
        });
    }

    [Fact]
    [Verifies("SRS-SC-010")]
    public void Leaks_and_heaters_failed_off_run_open_ended_in_long_phases_for_long_enough_to_matter()
    {
        var long_ = LoadAll(3 * Oracle.Rules.Count, 9)
            .Where(s => s.Scenario.Faults[0].Kind is "leak" or "failed_off" && s.Scenario.Faults[0].For is null).ToList();
        Assert.Contains(long_, s => s.Scenario.Faults[0].Kind == "leak");
        Assert.Contains(long_, s => s.Scenario.Faults[0].Kind == "failed_off");
        Assert.All(long_, s =>
        {
            var at = Assert.IsType<AfterPhaseEntry>(s.Scenario.Faults[0].At);
            // The run lasts well beyond 299 s after the fault (the old generator's longest fault) and past the oracle's deadline.
            Assert.True(s.Scenario.Duration.ToTimeSpan() - at.After.ToTimeSpan() > TimeSpan.FromSeconds(299), s.Scenario.Name);
            // Draining is short (5 min) but its leak is judged there (OR-LEAK-IN-DRAINING, SRS-IL-070), from its first 30 s.
            Assert.Contains(at.Phase, new[] { Phase.Heating, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining });
        });
    }

    [Fact]
    [Verifies("SRS-SC-010")]
    public void Generation_is_deterministic_from_the_seed()
    {
        Assert.Equal(ScenarioGenerator.Generate(10, 3).Select(g => g.Yaml), ScenarioGenerator.Generate(10, 3).Select(g => g.Yaml));
        Assert.NotEqual(ScenarioGenerator.Generate(10, 3).Select(g => g.Yaml), ScenarioGenerator.Generate(10, 4).Select(g => g.Yaml));
    }

    internal static string TargetKind(FaultSpec fault) =>
        (fault.Target.StartsWith("sensor/", StringComparison.Ordinal) ? "sensor" : fault.Target.StartsWith("controller/", StringComparison.Ordinal) ? "controller" : fault.Target)
        + " " + fault.Kind;
}
