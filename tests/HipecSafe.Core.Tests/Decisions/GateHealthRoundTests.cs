using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-HEALTH-ROUND: a round some component missed keeps the heater off and the heartbeat still (SRS-GT-008).</summary>
public class GateHealthRoundTests
{
    [Fact]
    [Verifies("SRS-GT-008")]
    public void A_missed_round_switches_the_heater_off_keeps_circulation_and_withholds_the_heartbeat()
    {
        var rig = new GateRig { Health = new HealthStatus(false, ValueList.From(["alarms"]), ValueList.Empty<string>()) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running.WithHeaterOff(), verdict.Command);
        Assert.False(verdict.HeartbeatPermitted);
        Assert.Equal([new ConstraintReason(ConstraintAction.HeaterOff, "GATE-HEALTH-ROUND", "HAZ-009")], verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-008")]
    public void A_passed_round_leaves_heater_and_heartbeat_alone()
    {
        var rig = new GateRig { Health = HealthStatus.AllAnswered };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running, verdict.Command);
        Assert.True(verdict.HeartbeatPermitted);
    }
}
