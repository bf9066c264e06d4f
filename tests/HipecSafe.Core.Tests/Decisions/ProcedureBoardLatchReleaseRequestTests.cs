using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// When the control lane asks for the board's latch release after an accepted SafeState reset (SRS-PH-024): while
/// board_status shows a latch, and in the cycle the board reads clear with its board-latch trip still active (the gate
/// clears that trip only in a cycle that asked for the release and read the bit clear); never for a board that shows no
/// latch and no board-latch trip.
/// </summary>
public class ProcedureBoardLatchReleaseRequestTests
{
    private const int Window = ProcedureStep.BoardReleaseWindowCycles;

    [Fact]
    [Verifies("SRS-PH-024", "SRS-IL-003")]
    public void The_release_is_asked_for_in_the_cycle_the_board_reads_clear_while_its_trip_is_still_active()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.BoardSafeLatch());
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.True(rig.Next(OperatorAction.Reset).Desired.ReleaseBoardLatch);

        // The board honoured latch_reset: bit0 reads clear, but the gate has not yet had a cycle asking with the bit clear.
        rig.BoardBits = BoardStatus.None;
        var outcome = rig.Next();

        Assert.True(outcome.Desired.ReleaseBoardLatch);
        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-024")]
    public void A_reset_whose_causes_left_no_board_latch_never_asks_for_the_release()
    {
        // SafeState for a component the watchdog failed, which has answered again since; the board shows no latch.
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        rig.Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"]));

        // An alarm-only trip without a board latch is active in the last verdict (IL-CORE-WARNING).
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.CoreWarning());
        var reset = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(reset.Replies).Accepted);
        Assert.False(reset.Desired.ReleaseBoardLatch);
        Assert.False(rig.Next().Desired.ReleaseBoardLatch);

        // Then no trip active at all, through the whole release window and past it.
        rig.LastVerdict = TripSamples.VerdictWith();
        for (var i = 0; i < 2 * Window; i++)
        {
            Assert.False(rig.Next().Desired.ReleaseBoardLatch);
        }

        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-IL-003")]
    public void A_board_that_latched_on_its_own_is_never_asked_to_release_without_an_operator_reset()
    {
        // After the self-test, board_status bit0 means the board's watchdog latched it safe (SRS-IL-003): latched until
        // reset. Only an accepted SafeState reset asks for the release (SRS-PH-024).
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        Assert.False(rig.Next().Desired.ReleaseBoardLatch);

        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.BoardSafeLatch());
        for (var i = 0; i < 2 * Window; i++)
        {
            Assert.False(rig.Next().Desired.ReleaseBoardLatch);
        }

        Assert.Equal(Phase.SafeState, rig.Phase);
    }
}
