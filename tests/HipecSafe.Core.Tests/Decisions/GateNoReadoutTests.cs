using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-NO-READOUT: a cycle without any board readout ends safe, whatever the control lane asks (SRS-GT-001).</summary>
public class GateNoReadoutTests
{
    [Fact]
    [Verifies("SRS-GT-001")]
    public void Without_a_readout_the_gate_writes_the_safe_command_although_the_control_lane_asks_for_heat()
    {
        var rig = new GateRig();

        var outcome = rig.DecideWith(rig.Desired(Running), noReadout: true);

        Assert.Equal(ActuatorCommand.Safe, outcome.Verdict.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-NO-READOUT", "HAZ-009"), rig.ReasonsBy("GATE-NO-READOUT"));
        Assert.Null(outcome.Evaluation);
    }

    [Fact]
    [Verifies("SRS-GT-001")]
    public void Without_a_readout_or_a_desired_command_the_command_is_still_the_safe_one()
    {
        var rig = new GateRig();

        var outcome = rig.DecideWith(null, noReadout: true);

        Assert.Equal(ActuatorCommand.Safe, outcome.Verdict.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-NO-READOUT", "HAZ-009"), rig.ReasonsBy("GATE-NO-READOUT"));
    }

    [Fact]
    [Verifies("SRS-GT-001")]
    public void With_a_readout_the_rule_does_not_apply_and_the_desired_command_passes()
    {
        var rig = new GateRig();

        var outcome = rig.Decide(Running);

        Assert.Equal(Running, outcome.Verdict.Command);
        Assert.Empty(outcome.Verdict.Reasons);
        Assert.NotNull(outcome.Evaluation);
    }

    [Fact]
    [Verifies("SRS-GT-001", "SRS-GT-009")]
    public void A_readout_in_which_every_read_failed_is_judged_by_the_interlocks_not_by_this_rule()
    {
        var rig = new GateRig();
        var nothing = BoardReadout.Nothing("response timeout", 1, 1, rig.LastWritten);

        var outcome = rig.Gate.Decide(rig.State, new GateInput(rig.Cycle + 1, rig.Now + Cycle, nothing, HealthStatus.AllAnswered,
            rig.Desired(Running), []));

        // No sample: no trusted inflow, so the heater is off; one failed transaction is not yet a bus fault (3 are).
        Assert.DoesNotContain(outcome.Verdict.Reasons, r => r.RuleId == "GATE-NO-READOUT");
        Assert.Equal(Running.WithHeaterOff(), outcome.Verdict.Command);
        Assert.Contains(new ConstraintReason(ConstraintAction.HeaterOff, "GATE-INFLOW-UNTRUSTED", "HAZ-010"), outcome.Verdict.Reasons);
    }
}
