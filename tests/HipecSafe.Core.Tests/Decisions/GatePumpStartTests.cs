using HipecSafe.Core.Actuators;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate remembers when the pump was last started, for the interlocks' settle times (InterlockInput.PumpStartedAt:
/// null while stopped): a start is a command to run while the board holds the pump stopped. IL-FLOW-DEVIATION is armed
/// only 10 s after it (SRS-IL-025).
/// </summary>
public class GatePumpStartTests
{
    private static readonly ActuatorCommand Stopped = new(0, 0, ClampOpen: true, HeaterEnabled: false);

    [Fact]
    [Verifies("SRS-IL-025")]
    public void A_pump_started_from_standstill_is_timed_from_that_cycle_and_the_time_kept_while_it_runs()
    {
        var rig = new GateRig();
        rig.Decide(Stopped);
        Assert.Null(rig.State.PumpStartedAt);

        rig.Decide(Running);
        var started = rig.Now;
        Assert.Equal(started, rig.State.PumpStartedAt);

        rig.Decide(Running);
        rig.Decide(Running);
        Assert.Equal(started, rig.State.PumpStartedAt);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void A_stop_forgets_the_start_time_and_the_next_start_is_timed_afresh()
    {
        var rig = new GateRig();
        rig.Decide(Running);
        rig.Decide(Stopped);
        Assert.Null(rig.State.PumpStartedAt);

        rig.Decide(Running);
        Assert.Equal(rig.Now, rig.State.PumpStartedAt);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void A_pump_the_gate_stopped_counts_as_stopped_whatever_was_desired()
    {
        var rig = new GateRig();
        rig.Decide(new ActuatorCommand(0, 50, ClampOpen: false, HeaterEnabled: false));

        Assert.Null(rig.State.PumpStartedAt);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void While_the_board_still_holds_the_pump_stopped_the_start_is_not_yet_made()
    {
        var rig = new GateRig();
        rig.Decide(Stopped);
        rig.Decide(Running);
        rig.Held = Stopped; // the write did not take

        rig.Decide(Running);

        Assert.Equal(rig.Now, rig.State.PumpStartedAt);
    }
}
