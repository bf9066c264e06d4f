using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The power-on self-test needs both boards to answer (SRS-PH-001: no treatment on a device whose boards did not
/// prove healthy): an actuator board that never answers keeps the device in its self-test and, after the 50 cycles
/// allowed, fails it into SafeState naming the board (SRS-PH-002).
/// </summary>
public class ProcedureSelfTestActuatorSilentTests
{
    [Fact]
    [Verifies("SRS-PH-001")]
    [Verifies("SRS-PH-002")]
    public void A_silent_actuator_board_never_passes_the_self_test_and_fails_it_by_name()
    {
        var rig = new ProcedureRig { FeedbackReadFails = true };
        for (var i = 1; i < 50; i++)
        {
            rig.Next();
            Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        }

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        var cause = Assert.Single(outcome.Desired.Report.LatchedCauses);
        Assert.Contains("actuator board: response timeout", cause, StringComparison.Ordinal);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
    }
}
