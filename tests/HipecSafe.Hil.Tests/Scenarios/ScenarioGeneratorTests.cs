using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class ScenarioGeneratorTests
{
    [Fact]
    [Verifies("SRS-SC-010")]
    public void Generated_scenarios_load_cover_every_kind_and_only_expect_what_any_single_fault_allows()
    {
        var generated = ScenarioGenerator.Generate(42, 17);
        var scenarios = generated.Select(g => ScenarioText.Load(g.Yaml, "/tmp/generated/" + g.FileName)).ToList();

        Assert.Equal(42, scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(generated, g => Assert.EndsWith(".yaml", g.FileName, StringComparison.Ordinal));
        Assert.Equal(ScenarioFilesTests.AllKinds.Order(StringComparer.Ordinal), scenarios.Select(s => TargetKind(s.Faults.Single())).Distinct().Order(StringComparer.Ordinal));
        Assert.All(scenarios, s =>
        {
            Assert.Equal(SafeStateExpectation.Any, s.Expect.SafeState);
            Assert.Null(s.Expect.HazardLogged);
            Assert.False(s.Expect.CompletionRequired);
            Assert.Equal(new TemperatureLimits(ScenarioGenerator.AbdomenLimitC, ScenarioGenerator.InflowLimitC, ScenarioGenerator.CoreLimitC), s.Expect.Limits);
        });
        Assert.Contains(scenarios, s => s.Faults[0].At is AfterPhaseEntry { Phase: Core.Phases.Phase.Washout });
    }

    [Fact]
    [Verifies("SRS-SC-010")]
    public void Generation_is_deterministic_from_the_seed()
    {
        Assert.Equal(ScenarioGenerator.Generate(10, 3), ScenarioGenerator.Generate(10, 3));
        Assert.NotEqual(ScenarioGenerator.Generate(10, 3).Select(g => g.Yaml), ScenarioGenerator.Generate(10, 4).Select(g => g.Yaml));
    }

    internal static string TargetKind(FaultSpec fault) =>
        (fault.Target.StartsWith("sensor/", StringComparison.Ordinal) ? "sensor" : fault.Target.StartsWith("controller/", StringComparison.Ordinal) ? "controller" : fault.Target)
        + " " + fault.Kind;
}
