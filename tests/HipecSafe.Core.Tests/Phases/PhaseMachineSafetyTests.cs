using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Phases.PhaseMachineFixture;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>Safe state latching, reset, emergency stop and machine faults.</summary>
public class PhaseMachineSafetyTests
{
    [Fact]
    [Verifies("SRS-PH-014", "SRS-PH-015")]
    public void Safe_state_is_latched_until_every_cause_clears_and_the_operator_resets()
    {
        var m = At(Phase.Heating);
        var fault = m.Fault(T(1), "IL-ABDOMEN-HIGH: probe 3 at 43.6 °C");
        Assert.Equal(Phase.SafeState, fault.Transition!.To);
        Assert.Equal(PhaseRequirements.FaultToSafeState, fault.Transition.RequirementId);
        Assert.Equal(["IL-ABDOMEN-HIGH: probe 3 at 43.6 °C"], m.LatchedCauses);

        Assert.Empty(m.Advance(T(2), AllGood)); // nothing automatic leaves SafeState
        var refused = m.Fire(PhaseTrigger.OperatorReset, T(3), WithCauses("IL-ABDOMEN-HIGH"));
        Assert.False(refused.Accepted);
        Assert.Contains("fault cause still active: IL-ABDOMEN-HIGH", refused.RefusalReason, StringComparison.Ordinal);
        Assert.False(m.Fire(PhaseTrigger.Resume, T(3), AllGood).Accepted);

        var reset = m.Fire(PhaseTrigger.OperatorReset, T(4), AllGood);
        Assert.True(reset.Accepted);
        Assert.Equal(Phase.Paused, m.Current);
        Assert.Empty(m.LatchedCauses);
        Assert.Equal(Phase.Heating, m.ResumePhase);
    }

    [Fact]
    [Verifies("SRS-PH-013")]
    public void Resume_is_refused_while_a_cause_is_active()
    {
        var m = At(Phase.Washout);
        m.Fire(PhaseTrigger.Pause, T(1), AllGood);

        var refused = m.Fire(PhaseTrigger.Resume, T(2), WithCauses("IL-AIR"));

        Assert.False(refused.Accepted);
        Assert.Contains("IL-AIR", refused.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.Paused, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-014", "SRS-PH-013")]
    public void A_fault_while_paused_resumes_into_the_phase_paused_before()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Fire(PhaseTrigger.Pause, T(1), AllGood);
        m.Fault(T(2), "bus fault");
        m.Fire(PhaseTrigger.OperatorReset, T(3), AllGood);

        Assert.True(m.Fire(PhaseTrigger.Resume, T(4), AllGood).Accepted);
        Assert.Equal(Phase.ChemoPerfusion, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-020")]
    public void A_further_fault_in_safe_state_is_recorded_without_a_transition()
    {
        var m = At(Phase.Priming);
        m.Fault(T(1), "first");

        var second = m.Fault(T(2), "second");

        Assert.True(second.Accepted);
        Assert.True(second.Transition!.IsInternal);
        Assert.Equal(PhaseRequirements.FaultWhileLatched, second.Transition.RequirementId);
        Assert.Equal(["first", "second"], m.LatchedCauses);
        Assert.Equal(Phase.SafeState, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-016", "SRS-PH-017")]
    public void Releasing_emergency_stop_latches_safe_state_instead_of_resuming()
    {
        var m = At(Phase.ChemoPerfusion);
        Assert.True(m.Fire(PhaseTrigger.EmergencyStopPressed, T(1), AllGood).Accepted);
        Assert.False(m.Fire(PhaseTrigger.EmergencyStopPressed, T(1), AllGood).Accepted);
        Assert.False(m.Fire(PhaseTrigger.Resume, T(2), AllGood).Accepted);

        Assert.True(m.Fire(PhaseTrigger.EmergencyStopReleased, T(3), AllGood).Accepted);
        Assert.Equal(Phase.SafeState, m.Current);
        Assert.Equal(Phase.ChemoPerfusion, m.ResumePhase);
    }

    [Fact]
    [Verifies("SRS-PH-002")]
    public void Failed_self_test_latches_safe_state_with_its_cause()
    {
        var m = new PhaseMachineRun(DefaultProfile);
        m.Fire(PhaseTrigger.SelfTestFailed, T(0), AllGood, "sensor board did not answer");

        Assert.Equal(Phase.SafeState, m.Current);
        Assert.Equal(["sensor board did not answer"], m.LatchedCauses);
    }

    [Fact]
    [Verifies("SRS-PH-019")]
    public void An_exception_inside_the_machine_ends_in_safe_state_and_the_rebuilt_machine_works()
    {
        var throwOnce = true;
        var m = new PhaseMachineRun(DefaultProfile, t =>
        {
            if (throwOnce && t.To == Phase.Priming)
            {
                throwOnce = false;
                throw new InvalidOperationException("observer failed");
            }
        }, Phase.Standby);

        var result = m.Fire(PhaseTrigger.StartPriming, T(1), AllGood);

        Assert.True(result.Accepted);
        Assert.Equal(Phase.SafeState, m.Current);
        Assert.Equal(PhaseRequirements.MachineExceptionIsFault, result.Transition!.RequirementId);
        Assert.Contains("observer failed", m.LatchedCauses.Single(), StringComparison.Ordinal);

        // The rebuilt machine still enforces its rules and can be reset.
        Assert.False(m.Fire(PhaseTrigger.AddDrug, T(2), AllGood).Accepted);
        Assert.True(m.Fire(PhaseTrigger.OperatorReset, T(3), AllGood).Accepted);
        Assert.Equal(Phase.Paused, m.Current);
        // The failed transition never completed, so resume goes back to where it started.
        Assert.True(m.Fire(PhaseTrigger.Resume, T(4), AllGood).Accepted);
        Assert.Equal(Phase.Standby, m.Current);
    }
}
