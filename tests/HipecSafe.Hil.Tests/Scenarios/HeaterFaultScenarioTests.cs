using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

/// <summary>
/// The committed heater-fault scenarios pass, and for the right reason: the hazard log names the rule that is meant to
/// catch the fault (not, say, IL-INFLOW-HIGH once the runaway has already heated the inflow to 45 °C).
/// </summary>
public class HeaterFaultScenarioTests
{
    private static ScenarioRun Run(string name, TempFolder folder, ScenarioRunOptions? options = null)
    {
        var scenario = ScenarioLoader.Load(RepositoryLayout.PathOf("hil", "scenarios", name + ".yaml"));
        return ScenarioRunner.Run(scenario, folder.Path, options);
    }

    private static string Outcomes(ScenarioRun run) => string.Join(Environment.NewLine, run.Result.Outcomes);

    [Fact]
    [Verifies("SRS-IL-047", "SRS-HIL-023")]
    public void A_driver_stuck_at_full_power_during_chemo_is_caught_by_the_power_mismatch_within_a_second()
    {
        using var folder = new TempFolder();
        var run = Run("heater-runaway", folder);

        Assert.True(run.Result.Passed, Outcomes(run));
        var o = run.Result.Observed;
        Assert.Equal("IL-HEATER-POWER-MISMATCH", o.FindingsAfterOnset[0].Label);
        Assert.InRange(o.TimeToSafeState!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(o.FindingsAfterOnset, f => f.Label == "IL-INFLOW-HIGH");
    }

    [Fact]
    [Verifies("SRS-IL-005", "SRS-HIL-023")]
    public void A_driver_stuck_behind_the_open_relay_during_priming_is_caught_by_heater_runaway()
    {
        using var folder = new TempFolder();
        var run = Run("heater-runaway-while-off", folder);

        Assert.True(run.Result.Passed, Outcomes(run));
        Assert.Equal("IL-HEATER-RUNAWAY", run.Result.Observed.FindingsAfterOnset[0].Label);
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    [Verifies("SRS-IL-059")]
    public void An_open_heater_element_during_chemo_raises_only_the_two_medium_heat_alarms_heat_up_first()
    {
        // The driver shows its power ahead of the relay, so only temperature tells: the rise across the circuit falls
        // below a quarter of the energy balance's (IL-HEATUP-STALLED, 60 s), later the abdomen below the band
        // (IL-ABDOMEN-BELOW-BAND, 60 s). Both medium, alarm only: nothing gets hot.
        using var folder = new TempFolder();
        var run = Run("heater-failed-off", folder);

        Assert.True(run.Result.Passed, Outcomes(run));
        var findings = run.Result.Observed.FindingsAfterOnset;
        Assert.Equal(["IL-HEATUP-STALLED", "IL-ABDOMEN-BELOW-BAND"], findings.Select(f => f.Label).Distinct());
        Assert.All(findings, f => Assert.Equal(HazardLogKind.InterlockTripped, f.Kind));
        Assert.Null(run.Result.Observed.FirstSafeState);
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    public void An_open_heater_element_1_min_into_heating_is_announced()
    {
        using var folder = new TempFolder();
        var run = Run("heater-failed-off-during-heating", folder);

        Assert.True(run.Result.Passed, Outcomes(run));
        var o = run.Result.Observed;
        Assert.Equal(["IL-HEATUP-STALLED"], o.FindingsAfterOnset.Select(f => f.Label).Distinct());
        var first = o.FindingsAfterOnset[0];
        Assert.Equal(HazardLogKind.InterlockTripped, first.Kind);
        // 60 s persistence after the rise has fallen below a quarter of the expected one (the circuit's lag).
        Assert.InRange((first.Time - o.FaultOnset!.Value).TotalSeconds, 60, 120);
        Assert.Null(o.FirstSafeState);
    }

    [Fact]
    [Verifies("SRS-IL-005")]
    public void With_a_welded_relay_and_a_stuck_driver_the_device_isolates_the_patient_and_the_abdomen_stays_below_its_limit()
    {
        // Held for 10 min after the SafeState latch instead of the campaign's 10 s: the heater keeps its full power
        // (no software can remove it, OI-12), and the physical truth must show the patient isolated all that time.
        using var folder = new TempFolder();
        var run = Run("heater-runaway-relay-welded", folder, new ScenarioRunOptions { SafeStateHold = TimeSpan.FromMinutes(10) });

        Assert.True(run.Result.Passed, Outcomes(run));
        var o = run.Result.Observed;
        Assert.Equal("IL-HEATER-POWER-MISMATCH", o.FindingsAfterOnset[0].Label);
        Assert.Contains(o.FindingsAfterOnset, f => f.Label == "SafeState");
        var onset = o.FaultOnset!.Value.TotalSeconds;
        var latched = run.Series.First(s => s.TimeSeconds >= onset && s.Phase == Phase.SafeState).TimeSeconds;
        Assert.InRange(latched - onset, 0, 1.0);
        var after = run.Series.Where(s => s.TimeSeconds >= latched + 1.0).ToList();
        Assert.True(after[^1].TimeSeconds - latched >= 590, $"observed {after[^1].TimeSeconds - latched:0} s after the latch");
        Assert.All(after, s =>
        {
            Assert.Equal(1000, s.HeaterDeliveredW, 6);       // the residual risk: still heating
            Assert.Equal(0, s.PumpCommandRpm);
            Assert.InRange(s.FlowLPerMin, -0.01, 0.01);      // nothing reaches the patient
            Assert.False(s.Safe);                            // and the judge does not call it safe
        });
        Assert.True(o.MaxAbdomenC <= 43.0, $"true hottest abdominal temperature {o.MaxAbdomenC:0.00} °C");
        Assert.True(after[^1].AbdomenMaxC < after[0].AbdomenMaxC, "the isolated abdomen cools");
    }
}
