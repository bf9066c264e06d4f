using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// What the hazard log records of the transitions the control lane takes: a SafeState entry names its cause
/// (SRS-PH-014), and a transition within a phase that is not a fault records no fault (SRS-PH-020 is the only one
/// that does).
/// </summary>
public class ProcedureTransitionLogRecordTests
{
    [Fact]
    [Verifies("SRS-PH-014", "SRS-RT-005")]
    public void Safe_state_entered_for_a_crash_records_the_crash_as_its_reason()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var outcome = rig.NextWith(new ComponentCrashed("alarms", "NullReferenceException", "tick 41"));

        Assert.Equal(Phase.SafeState, rig.Phase);
        var entered = Assert.Single(outcome.Records.Select(r => r.Entry).OfType<SafeStateEntry>());
        Assert.Equal(SafeStateChange.Entered, entered.Change);
        Assert.Contains("alarms", entered.Reason, StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", entered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-006", "SRS-PH-020")]
    public void Confirming_the_leak_check_is_recorded_without_a_fault_record()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);

        var outcome = rig.Next(OperatorAction.ConfirmLeakCheck);

        Assert.Equal(Phase.ReadyForChemo, rig.Phase);
        Assert.True(rig.State.Phase.LeakCheckConfirmed);
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is PhaseTransitionEntry { From: Phase.ReadyForChemo, To: Phase.ReadyForChemo });
        Assert.DoesNotContain(outcome.Records.Select(r => r.Entry), e => e is FaultEntry);
    }
}
