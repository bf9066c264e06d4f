using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-PH-021 through the running controller: the actuator board starts in its power-on safe hold (docs/icd.md §7.2);
/// the self-test asks for its release — a latch reset written after a command with the heater disabled and a changing
/// heartbeat — and passes only once the board has left the hold. A board that never leaves it fails the self-test.
/// </summary>
public sealed class PowerOnSelfTestTests
{
    [Fact]
    [Verifies("SRS-PH-021", "SRS-PH-001", "SRS-GT-012")]
    public void The_self_test_releases_the_board_s_power_on_hold_and_passes_only_after_it()
    {
        using var run = new LockstepRun();
        Assert.True(run.Port.SafeLatched, "the board must start in its power-on safe hold");

        var standby = run.ToStandby();

        var released = Assert.Single(run.Port.Releases);
        Assert.True(released < standby.Tick.Cycle, $"released in cycle {released}, Standby in cycle {standby.Tick.Cycle}");
        // Every latch reset came after a write with the heater disabled and a heartbeat that had moved in that cycle.
        Assert.NotEmpty(run.Port.LatchResetsSent);
        Assert.All(run.Port.LatchResetsSent, r =>
        {
            Assert.False(r.Command.HeaterEnabled, $"latch reset in cycle {r.Cycle} with the heater enabled");
            var write = Assert.Single(run.Port.WritesIn(r.Cycle));
            var before = run.Port.Writes.LastOrDefault(w => w.Cycle < r.Cycle);
            Assert.NotEqual(before?.Heartbeat, write.Heartbeat);
        });
        // While the board was in its hold the device stayed in its self-test.
        Assert.All(run.Reports.Where(r => r!.Tick.Cycle <= released), r => Assert.Equal(Phase.PowerOnSelfTest, r!.Phase));
        Assert.False(run.Port.SafeLatched);
        Assert.Contains(run.Records(), r => r.Entry is PhaseTransitionEntry { To: Phase.Standby });
    }

    [Fact]
    [Verifies("SRS-PH-021", "SRS-PH-002")]
    public void A_board_that_never_leaves_its_power_on_hold_fails_the_self_test_into_safe_state()
    {
        using var run = new LockstepRun(port: new ScriptedBoardPort { NeverReleases = true });

        var failed = run.StepUntil(r => r.Phase != Phase.PowerOnSelfTest, 60, "the self-test's verdict");

        Assert.Equal(Phase.SafeState, failed.Phase);
        Assert.Contains(failed.LatchedCauses, c => c.Contains("safe hold", StringComparison.Ordinal));
        Assert.NotEmpty(run.Port.LatchResetsSent);
        Assert.Empty(run.Port.Releases);
        Assert.DoesNotContain(run.Reports, r => r!.Phase == Phase.Standby);
        Assert.Contains(run.Records(), r => r.Entry is PhaseTransitionEntry { From: Phase.PowerOnSelfTest, To: Phase.SafeState } && r.Priority == LogPriority.High);
    }
}
