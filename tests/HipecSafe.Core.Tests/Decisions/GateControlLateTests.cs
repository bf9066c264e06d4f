using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// GATE-CONTROL-LATE: without this cycle's desired command the heater is off and the pump and clamp stay as the
/// board holds them — read back, else last written, else the power-on safe hold — with a fault record (SRS-GT-007).
/// </summary>
public class GateControlLateTests
{
    private static readonly ActuatorCommand Slower = new(300, 40, ClampOpen: true, HeaterEnabled: true);

    [Fact]
    [Verifies("SRS-GT-007")]
    public void Without_a_desired_command_the_heater_is_off_and_pump_and_clamp_stay_as_read_back()
    {
        var rig = new GateRig { Held = Slower };

        var outcome = rig.DecideWithoutDesired();

        Assert.Equal(new ActuatorCommand(0, 40, ClampOpen: true, HeaterEnabled: false), outcome.Verdict.Command);
        Assert.False(outcome.Verdict.DesiredInTime);
        Assert.Equal([new ConstraintReason(ConstraintAction.HeaterOff, "GATE-CONTROL-LATE", "HAZ-009")], outcome.Verdict.Reasons);
        var fault = Assert.Single(outcome.Records.Select(r => r.Entry).OfType<FaultEntry>());
        Assert.Contains($"no control output for cycle {rig.Cycle}", fault.Description, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void When_the_read_back_failed_the_board_is_taken_to_hold_the_last_command_written()
    {
        var rig = new GateRig();
        rig.Decide(Slower);
        rig.HeldReadFails = true;

        var verdict = rig.DecideWithoutDesired().Verdict;

        Assert.Equal(Slower.WithHeaterOff(), verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void With_nothing_read_back_nor_written_the_board_is_taken_to_be_in_its_power_on_safe_hold()
    {
        var rig = new GateRig(baseline: false) { HeldReadFails = true };

        var verdict = rig.DecideWithoutDesired().Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void A_desired_command_for_another_cycle_is_discarded_with_its_context()
    {
        var rig = new GateRig();
        var stale = rig.Desired(new ActuatorCommand(1000, 60, ClampOpen: true, HeaterEnabled: true)) with
        {
            Cycle = rig.Cycle,
            Context = GateRig.Chemo with { Phase = Phase.Standby },
        };

        var outcome = rig.DecideWith(stale);

        Assert.Equal(Running.WithHeaterOff(), outcome.Verdict.Command);
        Assert.False(outcome.Verdict.DesiredInTime);
        Assert.Equal(Phase.ChemoPerfusion, outcome.State.Context.Phase);
        Assert.Single(outcome.Records.Select(r => r.Entry).OfType<FaultEntry>());
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void A_desired_command_on_time_passes_without_a_fault_record()
    {
        var rig = new GateRig();

        var outcome = rig.Decide(Running);

        Assert.True(outcome.Verdict.DesiredInTime);
        Assert.Empty(rig.ReasonsBy("GATE-CONTROL-LATE"));
        Assert.Empty(outcome.Records.Select(r => r.Entry).OfType<FaultEntry>());
    }
}
