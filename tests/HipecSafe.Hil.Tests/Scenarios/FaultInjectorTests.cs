using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Rig;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class FaultInjectorTests
{
    private static RigOptions Options(TempFolder folder, bool armed) =>
        new(ProfileLoader.EmbeddedDefault, 3, folder.File("hazard.log")) { FaultInjectionArmed = armed };

    [Fact]
    [Verifies("SRS-SC-003")]
    public void Injection_is_refused_on_a_rig_that_is_not_armed()
    {
        using var folder = new TempFolder();
        using var rig = new SimulationRig(Options(folder, armed: false));
        var faults = ScenarioText.Load(ScenarioText.Valid()).Faults;

        var refused = Assert.Throws<FaultInjectionRefusedException>(() => new FaultInjector(rig, "unarmed", faults, 1));
        Assert.Contains("FaultInjectionArmed", refused.Message, StringComparison.Ordinal);

        // Nothing was touched: the rig runs on without any fault.
        for (var i = 0; i < 5; i++)
        {
            rig.Step();
        }

        Assert.Null(rig.Bus.Fault);
        Assert.Empty(rig.Plant.ActiveFaults);
        Assert.Null(rig.SensorModel.ActiveFault(SensorChannel.Abdomen1));
    }

    [Fact]
    [Verifies("SRS-SC-003")]
    public void The_arming_check_refuses_options_that_do_not_arm()
    {
        using var folder = new TempFolder();
        Assert.Throws<FaultInjectionRefusedException>(() => FaultInjector.RequireArmed(Options(folder, armed: false)));
        FaultInjector.RequireArmed(Options(folder, armed: true));
    }

    [Fact]
    [Verifies("SRS-SC-004")]
    public void Faults_start_at_their_trigger_and_clear_after_for()
    {
        using var folder = new TempFolder();
        using var rig = new SimulationRig(Options(folder, armed: true));
        var scenario = ScenarioText.Load(ScenarioText.Valid(faults: """
            faults:
              - at: 1s
                target: sensor/t_core
                kind: offset
                for: 500ms
                params: { delta: 1.5 }
              - at: { phase: Priming, after: 1s }
                target: plant
                kind: occlusion
                params: { resistance_factor: 2 }
              - at: 2s
                target: bus
                kind: crc_errors
                for: 300ms
                params: { rate: 0.5 }
              - at: { phase: Washout, after: 1s }
                target: bus
                kind: loss
            """));
        using var injector = new FaultInjector(rig, scenario.Name, scenario.Faults, scenario.Seed);
        var op = new AutoOperator(scenario.Profile);
        var seenCore = new List<TimeSpan>();
        TimeSpan? primingEntered = null;
        while (rig.Now < TimeSpan.FromSeconds(4))
        {
            var cycle = rig.Step();
            injector.ObserveCycle(cycle);
            if (cycle.Report?.Phase == Core.Phases.Phase.Priming)
            {
                primingEntered ??= cycle.Time;
            }

            if (rig.SensorModel.ActiveFault(SensorChannel.Core) is not null)
            {
                seenCore.Add(rig.Now);
            }

            op.Act(rig);
        }

        injector.Finish(rig.Now, "test ended");
        var a = injector.Activations;
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)), (a[0].Onset, a[0].Cleared));
        Assert.Equal(TimeSpan.FromSeconds(1), seenCore.Min());
        Assert.True(seenCore.Max() < TimeSpan.FromSeconds(1.5));

        Assert.NotNull(primingEntered);
        Assert.Equal(primingEntered + TimeSpan.FromSeconds(1), a[1].Onset);
        Assert.Null(a[1].Cleared);
        Assert.IsType<LineOcclusion>(Assert.Single(rig.Plant.ActiveFaults));

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.3)), (a[2].Onset, a[2].Cleared));
        Assert.Null(rig.Bus.Fault);

        Assert.False(a[3].Fired);
        Assert.Contains("never entered Washout", a[3].NotFiredReason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), injector.FirstOnset);
    }
}
