using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The power-on self-test as the control lane judges it: 5 clean cycles in a row pass it (SRS-PH-001), 50 cycles
/// without fail it naming the problems (SRS-PH-002), and a board in its power-on safe hold makes a cycle unclean
/// while the control lane asks for its release (SRS-PH-021, docs/icd.md §7.2).
/// </summary>
public class ProcedureSelfTestTests
{
    private const int Clean = 5;
    private const int Allowed = 50;

    [Fact]
    [Verifies("SRS-PH-001")]
    public void Five_clean_cycles_pass_the_self_test_and_four_do_not()
    {
        var rig = new ProcedureRig();
        for (var i = 1; i < Clean; i++)
        {
            rig.Next();
            Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        }

        var outcome = rig.Next();

        Assert.Equal(Phase.Standby, rig.Phase);
        Assert.Contains(new PhaseTransitionEntry(Phase.PowerOnSelfTest, Phase.Standby, "SelfTestPassed", "SRS-PH-001", "self-test passed"),
            outcome.Records.Select(r => r.Entry));
    }

    [Fact]
    [Verifies("SRS-PH-002")]
    public void Fifty_cycles_without_a_pass_fail_the_self_test_into_safe_state_naming_the_problems()
    {
        var rig = new ProcedureRig { SensorReadFails = true };
        for (var i = 1; i < Allowed; i++)
        {
            rig.Next();
            Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        }

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        var cause = Assert.Single(outcome.Desired.Report.LatchedCauses);
        Assert.StartsWith("self-test failed: ", cause, StringComparison.Ordinal);
        Assert.Contains("sensor board: response timeout", cause, StringComparison.Ordinal);
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<PhaseTransitionEntry>(),
            t => t is { From: Phase.PowerOnSelfTest, To: Phase.SafeState, Trigger: "SelfTestFailed", RequirementId: "SRS-PH-002" });
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
    }

    [Fact]
    [Verifies("SRS-PH-002")]
    public void A_channel_fault_makes_a_cycle_unclean_and_is_named()
    {
        var rig = new ProcedureRig(f => f with { ChannelFaultBits = Bit(SensorChannel.Core) });
        rig.Cycles(Allowed);

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Contains("Core", Assert.Single(rig.Desired.Report.LatchedCauses), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-002")]
    public void An_active_trip_in_the_last_verdict_makes_a_cycle_unclean_and_is_named()
    {
        var rig = new ProcedureRig { LastVerdict = TripSamples.VerdictWith(TripSamples.CoreWarning()) };
        rig.Cycles(Allowed);

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Contains("interlock IL-CORE-WARNING active", Assert.Single(rig.Desired.Report.LatchedCauses), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BoardStatus.SafeLatchedByWatchdog)]
    [InlineData(BoardStatus.LimiterTripped)]
    [Verifies("SRS-PH-021")]
    public void While_the_board_is_in_its_hold_the_release_is_asked_for_and_the_cycle_is_unclean(BoardStatus bit)
    {
        var rig = new ProcedureRig { BoardBits = bit };
        for (var i = 0; i < 3; i++)
        {
            Assert.True(rig.Next().Desired.ReleaseBoardLatch);
            Assert.False(rig.Desired.Command.HeaterEnabled);
        }

        rig.BoardBits = BoardStatus.None;
        for (var i = 1; i < Clean; i++)
        {
            Assert.False(rig.Next().Desired.ReleaseBoardLatch);
            Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        }

        rig.Next();
        Assert.Equal(Phase.Standby, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-021")]
    public void A_board_that_never_leaves_its_hold_fails_the_self_test()
    {
        var rig = new ProcedureRig { BoardBits = BoardStatus.SafeLatchedByWatchdog };
        rig.Cycles(Allowed);

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Contains("safe hold", Assert.Single(rig.Desired.Report.LatchedCauses), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-021")]
    public void No_release_is_asked_for_once_the_board_is_out_of_its_hold()
    {
        var rig = new ProcedureRig();

        Assert.False(rig.Next().Desired.ReleaseBoardLatch);
    }
}
