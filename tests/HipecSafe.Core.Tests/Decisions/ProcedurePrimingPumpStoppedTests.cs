using HipecSafe.Core.Actuators;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Priming counts circulation only while the board holds the pump running (SRS-PH-004): a flow reading at the target
/// while the roller pump stands still is not circulation the device makes (it can only be a siphon or a faulty meter),
/// so it primes nothing however long it lasts.
/// </summary>
public class ProcedurePrimingPumpStoppedTests
{
    [Fact]
    [Verifies("SRS-PH-004")]
    public void Flow_read_at_the_target_while_the_board_holds_the_pump_stopped_does_not_prime()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.PinnedHeld = Running;
        rig.Next(OperatorAction.StartPriming);
        Assert.Equal(Phase.Priming, rig.Phase);
        rig.PinnedHeld = new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false);
        rig.Flow = VolumetricFlow.FromLitersPerMinute(2.0);

        rig.Cycles(301); // more than the default profile's 30 s priming time

        Assert.Equal(Phase.Priming, rig.Phase);
        Assert.Equal(Duration.Zero, rig.State.PrimedFor);
    }
}
