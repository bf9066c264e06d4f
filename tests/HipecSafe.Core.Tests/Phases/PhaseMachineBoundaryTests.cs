using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Phases.PhaseMachineFixture;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>
/// Phase machine details the transition tables do not show: what Advance returns, the resume phase after a machine
/// exception, which transitions add or clear latched causes, phase clocks on re-entry, the refusal's trigger list.
/// </summary>
public class PhaseMachineBoundaryTests
{
    /// <summary>A machine whose observer throws once <c>failing[0]</c> is set (a fault inside the machine).</summary>
    private static PhaseMachineRun WithFailingObserver(Phase initial, bool[] failing)
    {
        var machine = new PhaseMachineRun(DefaultProfile, _ =>
        {
            if (failing[0])
            {
                throw new InvalidOperationException("observer down");
            }
        }, initial);
        machine.Tick(TimeSpan.Zero);
        return machine;
    }

    [Fact]
    public void Advance_returns_every_transition_it_took_in_order()
    {
        var machine = At(Phase.Priming);
        var taken = machine.Advance(T(1), AllGood);
        Assert.Equal([(Phase.Priming, Phase.Heating), (Phase.Heating, Phase.ReadyForChemo)], taken.Select(t => (t.From, t.To)));
        Assert.Equal(Phase.ReadyForChemo, machine.Current);
    }

    [Fact]
    [Verifies("SRS-PH-019")]
    public void A_machine_exception_on_a_forward_transition_resumes_into_the_phase_it_came_from()
    {
        var failing = new[] { false };
        var machine = WithFailingObserver(Phase.Priming, failing);
        failing[0] = true;
        var result = machine.Fire(PhaseTrigger.PrimingComplete, T(1), AllGood);

        Assert.Equal(Phase.SafeState, result.Transition!.To);
        Assert.Equal(Phase.SafeState, machine.Current);
        Assert.Equal(Phase.Priming, machine.ResumePhase); // not the default (Standby), not the phase it never safely reached
        Assert.Contains(machine.LatchedCauses, c => c.Contains("observer down", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PH-019")]
    public void A_machine_exception_while_resuming_from_pause_keeps_the_phase_paused_in_as_the_resume_phase()
    {
        var failing = new[] { false };
        var machine = WithFailingObserver(Phase.Heating, failing);
        Assert.True(machine.Fire(PhaseTrigger.Pause, T(1), AllGood).Accepted);
        failing[0] = true;
        machine.Fire(PhaseTrigger.Resume, T(2), AllGood);

        Assert.Equal(Phase.SafeState, machine.Current);
        Assert.Equal(Phase.Heating, machine.ResumePhase); // not Paused: resuming must lead back to treatment
    }

    [Fact]
    [Verifies("SRS-PH-018")]
    public void A_refusal_lists_the_triggers_accepted_in_the_phase_in_declaration_order()
    {
        var machine = At(Phase.Standby);
        Assert.Equal([PhaseTrigger.Fault, PhaseTrigger.StartPriming, PhaseTrigger.EmergencyStopPressed], machine.ConfiguredTriggers(Phase.Standby));
        var refused = machine.Fire(PhaseTrigger.AddDrug, T(1), AllGood);
        Assert.Equal("AddDrug is not accepted in phase Standby (accepted here: Fault, StartPriming, EmergencyStopPressed)", refused.RefusalReason);
    }

    [Fact]
    public void An_operator_confirmation_with_a_detail_does_not_become_a_latched_cause()
    {
        var machine = At(Phase.ReadyForChemo);
        Assert.True(machine.Fire(PhaseTrigger.ConfirmLeakCheck, T(1), AllGood, "confirmed by operator 7").Accepted);
        Assert.Empty(machine.LatchedCauses);
    }

    [Fact]
    public void Pressing_the_emergency_stop_in_safe_state_keeps_the_latched_causes()
    {
        var machine = At(Phase.Heating);
        machine.Fault(T(1), "IL-OVERTEMP");
        Assert.True(machine.Fire(PhaseTrigger.EmergencyStopPressed, T(2), AllGood).Accepted);
        Assert.Equal(["IL-OVERTEMP"], machine.LatchedCauses);
    }

    [Fact]
    public void Releasing_the_emergency_stop_enters_safe_state_without_inventing_a_fault_cause()
    {
        var machine = At(Phase.Heating);
        machine.Fire(PhaseTrigger.EmergencyStopPressed, T(1), AllGood);
        Assert.True(machine.Fire(PhaseTrigger.EmergencyStopReleased, T(2), AllGood).Accepted);
        Assert.Equal(Phase.SafeState, machine.Current);
        Assert.Empty(machine.LatchedCauses);
    }

    [Fact]
    public void A_phase_entered_again_on_a_forward_path_starts_its_clock_from_zero()
    {
        var machine = At(Phase.Heating);
        machine.Fire(PhaseTrigger.Pause, T(0), AllGood);
        machine.Tick(T(3));
        Assert.Equal(3, machine.ElapsedIn(Phase.Paused).Minutes, 9);
        machine.Fire(PhaseTrigger.Resume, T(3), AllGood);
        machine.Fire(PhaseTrigger.Pause, T(4), AllGood);
        Assert.Equal(0, machine.ElapsedIn(Phase.Paused).Minutes, 9);
    }

    [Fact]
    public void The_diagram_shows_resume_leading_only_to_treatment_phases()
    {
        var paused = At(Phase.Standby).GetInfo().States.Single(s => (Phase)s.UnderlyingState == Phase.Paused);
        var targets = paused.DynamicTransitions.Single().PossibleDestinationStates.Select(d => Enum.Parse<Phase>(d.DestinationState)).ToList();
        Assert.DoesNotContain(Phase.Paused, targets);
        Assert.DoesNotContain(Phase.SafeState, targets);
        Assert.DoesNotContain(Phase.EmergencyStop, targets);
        Assert.Contains(Phase.ChemoPerfusion, targets);
    }
}
