using System.Text.RegularExpressions;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

/// <summary>The committed campaign in hil/scenarios: it loads, it covers the hazard analysis and every fault kind.</summary>
public partial class ScenarioFilesTests
{
    internal static readonly string[] AllKinds =
    [
        "sensor stuck", "sensor offset", "sensor drift", "sensor noise", "sensor spike", "sensor dropout", "sensor frozen_board",
        "actuator/heater stuck_on", "actuator/heater failed_off", "actuator/pump degraded", "actuator/pump stopped", "actuator/pump motor_fault",
        "plant occlusion", "plant leak", "plant air", "bus crc_errors", "bus delay", "bus loss", "bus garbage", "controller crash", "controller stall",
    ];

    private static readonly string Folder = RepositoryLayout.PathOf("hil", "scenarios");

    [GeneratedRegex(@"`hil/scenarios/([a-z0-9-]+)\.yaml`")]
    private static partial Regex TableFile();

    private static List<Scenario> LoadAll()
    {
        var problems = new List<string>();
        var scenarios = ScenarioCampaign.LoadAll(ScenarioCampaign.Discover([Folder], problems), problems);
        Assert.Empty(problems);
        return [.. scenarios];
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void Every_scenario_file_loads_and_is_named_after_its_file()
    {
        var scenarios = LoadAll();
        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, s => Assert.Equal(Path.GetFileNameWithoutExtension(s.Source), s.Name));
    }

    [Fact]
    [Verifies("SRS-SC-013")]
    public void Every_scenario_the_hazard_analysis_expects_exists()
    {
        var analysis = File.ReadAllText(RepositoryLayout.PathOf("safety", "hazard-analysis.md"));
        var expected = TableFile().Matches(analysis).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(expected.Count >= 20, $"the hazard analysis table lists {expected.Count} scenario files");
        var names = LoadAll().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, name => Assert.Contains(name, names));
    }

    [Fact]
    [Verifies("SRS-SC-013")]
    public void Every_fault_kind_is_exercised_and_three_nominal_runs_forbid_a_safe_state_and_must_complete()
    {
        var scenarios = LoadAll();
        var covered = scenarios.SelectMany(s => s.Faults).Select(ScenarioGeneratorTests.TargetKind).ToHashSet(StringComparer.Ordinal);
        Assert.All(AllKinds, kind => Assert.Contains(kind, covered));

        var nominal = scenarios.Where(s => s.Faults.Count == 0).ToList();
        Assert.True(nominal.Count >= 3);
        Assert.All(nominal, s => Assert.Equal((SafeStateExpectation.Forbidden, true), (s.Expect.SafeState, s.Expect.CompletionRequired)));
        Assert.Equal(nominal.Count, nominal.Select(s => s.Seed).Distinct().Count());
    }
}
