using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// GATE-RELEASE-HEATER: the board's latch release goes out only with a command that disables the heater, judged on the
/// command as the rules before it left it (SRS-GT-012; docs/icd.md §7.4).
/// </summary>
public class GateLatchReleaseTests
{
    [Fact]
    [Verifies("SRS-GT-012")]
    public void A_release_asked_for_with_the_heater_enabled_is_withheld()
    {
        var rig = new GateRig();

        var verdict = rig.Decide(Running, release: true).Verdict;

        Assert.False(verdict.ReleaseBoardLatch);
        Assert.True(verdict.Command.HeaterEnabled);
    }

    [Fact]
    [Verifies("SRS-GT-012")]
    public void A_heater_enabled_at_zero_power_still_withholds_the_release()
    {
        var rig = new GateRig();

        var verdict = rig.Decide(new ActuatorCommand(0, 50, ClampOpen: true, HeaterEnabled: true), release: true).Verdict;

        Assert.False(verdict.ReleaseBoardLatch);
    }

    [Fact]
    [Verifies("SRS-GT-012")]
    public void A_release_asked_for_with_the_heater_disabled_is_written()
    {
        var rig = new GateRig();

        Assert.True(rig.Decide(Running.WithHeaterOff(), release: true).Verdict.ReleaseBoardLatch);
        Assert.True(rig.Decide(ActuatorCommand.Safe, release: true).Verdict.ReleaseBoardLatch);
    }

    [Fact]
    [Verifies("SRS-GT-012")]
    public void No_release_is_written_unless_asked_for()
    {
        var rig = new GateRig();

        Assert.False(rig.Decide(ActuatorCommand.Safe).Verdict.ReleaseBoardLatch);
    }

    [Fact]
    [Verifies("SRS-GT-008", "SRS-GT-012")]
    public void A_heater_an_earlier_rule_switched_off_lets_the_release_through()
    {
        var rig = new GateRig { Health = new HealthStatus(false, ValueList.From(["alarms"]), ValueList.Empty<string>()) };

        var verdict = rig.Decide(Running, release: true).Verdict;

        Assert.False(verdict.Command.HeaterEnabled);
        Assert.True(verdict.ReleaseBoardLatch);
    }
}
