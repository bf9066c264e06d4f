using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Faults latch SafeState with their cause (SRS-PH-014): a component the watchdog failed, a trip of the last verdict that
/// asks for SafeState. A cause is latched once however often it is seen again; a different one while latched is
/// recorded as a further cause without a state change (SRS-PH-020); in EmergencyStop nothing is latched. SafeState has
/// one command and a latched high alarm, and entering it is logged at high priority (SRS-RT-004).
/// </summary>
public class ProcedureFaultLatchTests
{
    private static IEnumerable<HazardLogEntry> Entries(ProcedureOutcome outcome) => outcome.Records.Select(r => r.Entry);

    [Fact]
    [Verifies("SRS-PH-014", "SRS-RT-004", "SRS-RT-006")]
    public void A_failed_component_latches_safe_state_with_its_cause_logged_at_high_priority()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Equal(["watchdog: alarms: not answering health pings"], outcome.Desired.Report.LatchedCauses);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
        var entered = Assert.Single(outcome.Records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered });
        Assert.Equal(LogPriority.High, entered.Priority);
        Assert.Contains(outcome.Records, r => r is { Priority: LogPriority.High, Entry: PhaseTransitionEntry { From: Phase.Heating, To: Phase.SafeState, RequirementId: "SRS-PH-014" } });
        var alarm = Assert.Single(outcome.Desired.Report.Conditions, c => c.ConditionId == "SAFE-STATE");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.True(alarm.Latching);
    }

    [Fact]
    [Verifies("SRS-PH-014", "SRS-PH-020", "SRS-RT-006")]
    public void A_cause_seen_again_while_latched_is_not_recorded_again()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next();

        var again = rig.Next();

        Assert.Empty(again.Records);
        Assert.Single(rig.State.Phase.LatchedCauses);
    }

    [Fact]
    [Verifies("SRS-PH-020")]
    public void A_different_cause_while_latched_is_recorded_as_a_further_fault_without_a_state_change()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next();
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.InflowHighHolding());

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Equal(2, outcome.Desired.Report.LatchedCauses.Count);
        Assert.StartsWith("IL-INFLOW-HIGH: ", outcome.Desired.Report.LatchedCauses[1], StringComparison.Ordinal);
        var further = Assert.Single(Entries(outcome).OfType<FaultEntry>());
        Assert.Contains("further fault while latched", further.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Entries(outcome), e => e is SafeStateEntry);
    }

    [Fact]
    [Verifies("SRS-PH-014")]
    public void A_safe_state_trip_of_the_last_verdict_latches_safe_state_with_the_rule_as_cause()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.InflowHighHolding());

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.StartsWith("IL-INFLOW-HIGH: ", Assert.Single(outcome.Desired.Report.LatchedCauses), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-014")]
    public void A_trip_that_does_not_ask_for_safe_state_leaves_the_phase_alone()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.OcclusionHolding(), TripSamples.CoreWarning());

        rig.Next();

        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-016")]
    public void In_emergency_stop_a_fault_latches_nothing()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.EmergencyStop);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.InflowHighHolding());

        var outcome = rig.Next();

        Assert.Equal(Phase.EmergencyStop, rig.Phase);
        Assert.Empty(rig.State.Phase.LatchedCauses);
        Assert.Empty(outcome.Records);
    }

    [Fact]
    [Verifies("SRS-PH-017", "SRS-PH-014")]
    public void A_fault_still_present_when_the_stop_is_released_is_latched_then()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.EmergencyStop);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next(OperatorAction.ReleaseEmergencyStop);
        Assert.Equal(Phase.SafeState, rig.Phase);

        rig.Next();

        Assert.Equal(["watchdog: alarms: not answering health pings"], rig.Desired.Report.LatchedCauses);
    }
}
