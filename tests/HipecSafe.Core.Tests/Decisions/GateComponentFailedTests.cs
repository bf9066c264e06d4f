using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-COMPONENT-FAILED: a failed component holds the command safe and the heartbeat still (SRS-GT-002).</summary>
public class GateComponentFailedTests
{
    [Fact]
    [Verifies("SRS-GT-002")]
    public void A_failed_component_gives_the_safe_command_and_withholds_the_heartbeat_even_when_the_round_passed()
    {
        // The failure is latched at the watchdog until a reset, so it outlives the component answering again.
        var rig = new GateRig { Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"])) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
        Assert.False(verdict.HeartbeatPermitted);
        Assert.Equal(GateRig.SafeCommandBy("GATE-COMPONENT-FAILED", "HAZ-009"), rig.ReasonsBy("GATE-COMPONENT-FAILED"));
    }

    [Fact]
    [Verifies("SRS-GT-002")]
    public void Without_a_failed_component_the_rule_does_not_apply_and_the_heartbeat_advances()
    {
        var rig = new GateRig { Health = HealthStatus.AllAnswered };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running, verdict.Command);
        Assert.True(verdict.HeartbeatPermitted);
        Assert.Empty(rig.ReasonsBy("GATE-COMPONENT-FAILED"));
    }
}
