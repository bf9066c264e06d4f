using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

using static HipecSafe.Core.Tests.Decisions.ScriptedCycles;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Both lanes together (<see cref="CycleCore"/>): a leak split into segments adds up against the circuit-volume
/// baseline the control lane keeps from the first Heating cycle, so IL-RESERVOIR-DROP (> 300 mL, SRS-IL-023) sees the
/// total. With a baseline taken again at each phase change and at pause and resume, neither 200 mL segment below
/// would have tripped it.
/// </summary>
public class LeakAcrossSegmentsTests
{
    private static bool Dropped(CycleResult r) => r.Gate.Verdict.ActiveTrips.Any(t => t.RuleId == "IL-RESERVOIR-DROP");

    /// <summary>Self-test, priming, heating (the nominal frame's abdomen is already warm), leak check, drug.</summary>
    private static ScriptedCycles InChemo()
    {
        var cycles = new ScriptedCycles(ScriptedCycles.NewCore());
        cycles.RunFor(TimeSpan.FromSeconds(2));
        cycles.Step(Plain(commands: OperatorAction.StartPriming));
        cycles.PassPrimingAir();
        cycles.RunFor(TimeSpan.FromSeconds(45));
        Assert.Equal(Phase.ReadyForChemo, cycles.State.Procedure.Phase.Current);
        cycles.RunFor(TimeSpan.FromSeconds(70)); // the reservoir has held steady at target flow for the leak check
        cycles.Step(Plain(commands: [OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug]));
        Assert.Equal(Phase.ChemoPerfusion, cycles.State.Procedure.Phase.Current);
        return cycles;
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_leak_split_across_a_pause_trips_once_the_total_exceeds_300_mL()
    {
        var cycles = InChemo();

        // 200 mL lost (the nominal frame's reservoir is 1500 mL), then the surgeon pauses and resumes.
        cycles.Step(Plain(BoardKick.Reservoir, 1300));
        Assert.False(Dropped(cycles.RunFor(TimeSpan.FromSeconds(5))));
        cycles.Step(Plain(commands: OperatorAction.Pause));
        cycles.RunFor(TimeSpan.FromSeconds(30));
        cycles.Step(Plain(commands: OperatorAction.Resume));
        Assert.Equal(Phase.ChemoPerfusion, cycles.State.Procedure.Phase.Current);
        Assert.False(Dropped(cycles.RunFor(TimeSpan.FromSeconds(5))));

        // Another 200 mL: 400 mL below the baseline in all.
        var tripped = cycles.Step(Plain(BoardKick.Reservoir, 1100));

        Assert.True(Dropped(tripped));
        var trip = tripped.Gate.Verdict.ActiveTrips.Single(t => t.RuleId == "IL-RESERVOIR-DROP");
        Assert.Equal("reservoir loss since the circuit-volume baseline 400 mL > 300 mL (1500 mL baseline, 1100 mL now)", trip.Measured.ToString());
        Assert.False(tripped.Gate.Verdict.Command.ClampOpen);
        Assert.Equal(0, tripped.Gate.Verdict.Command.PumpSpeedRpm);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_leak_split_across_phase_changes_trips_once_the_total_exceeds_300_mL()
    {
        var cycles = new ScriptedCycles(ScriptedCycles.NewCore());
        cycles.RunFor(TimeSpan.FromSeconds(2));
        cycles.Step(Plain(commands: OperatorAction.StartPriming));
        cycles.PassPrimingAir();
        cycles.RunFor(TimeSpan.FromSeconds(45));
        Assert.Equal(Phase.ReadyForChemo, cycles.State.Procedure.Phase.Current);

        // 250 mL lost before the drug goes in (the leak check then sees a steady reservoir at its new level), 250 mL after.
        cycles.Step(Plain(BoardKick.Reservoir, 1250));
        cycles.RunFor(TimeSpan.FromSeconds(70));
        cycles.Step(Plain(commands: [OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug]));
        Assert.Equal(Phase.ChemoPerfusion, cycles.State.Procedure.Phase.Current);
        Assert.False(Dropped(cycles.RunFor(TimeSpan.FromSeconds(5))));

        Assert.True(Dropped(cycles.Step(Plain(BoardKick.Reservoir, 1000))));
    }
}
