using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// SafeState is left only by an operator reset, accepted only when every cause has cleared, and only into Paused
/// (SRS-PH-015). An accepted reset asks the gate to reset its latched trips and the watchdog its failures, clears the
/// crash alarms, and for a while asks for the board's latch release: a board-latch trip the release will clear does
/// not block the reset nor re-latch SafeState in that window, but does after it (SRS-IL-003, SRS-IL-004).
/// </summary>
public class ProcedureSafeStateResetTests
{
    private const int Window = ProcedureStep.BoardReleaseWindowCycles;

    /// <summary>Heating, then SafeState for a component the watchdog failed, which has answered again since.</summary>
    private static ProcedureRig LatchedForFailedComponent()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        rig.Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"]));
        return rig;
    }

    /// <summary>SafeState latched for a board latch (bit set, its trip in the last verdict).</summary>
    private static ProcedureRig LatchedByBoard(BoardStatus bit, InterlockTrip trip)
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.BoardBits = bit;
        rig.LastVerdict = TripSamples.VerdictWith(trip);
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        return rig;
    }

    [Fact]
    [Verifies("SRS-PH-015")]
    public void An_accepted_reset_leaves_safe_state_into_paused_and_asks_gate_and_watchdog_to_reset()
    {
        var rig = LatchedForFailedComponent();

        var outcome = rig.Next(OperatorAction.Reset);

        Assert.Equal(OperatorReply.Accept(OperatorAction.Reset), Assert.Single(outcome.Replies));
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.True(outcome.Desired.ResetRequested);
        Assert.True(outcome.ResetHealth);
        Assert.Empty(outcome.Desired.Report.LatchedCauses);
        Assert.DoesNotContain(outcome.Desired.Report.Conditions, c => c.ConditionId == "SAFE-STATE");
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is SafeStateEntry { Change: SafeStateChange.Left });
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is PhaseTransitionEntry { From: Phase.SafeState, To: Phase.Paused, RequirementId: "SRS-PH-015" });
    }

    [Fact]
    [Verifies("SRS-PH-015", "SRS-PH-013")]
    public void After_the_reset_resume_returns_to_the_phase_that_faulted()
    {
        var rig = LatchedForFailedComponent();
        rig.Next(OperatorAction.Reset);

        rig.Next(OperatorAction.Resume);

        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-015", "SRS-PH-018")]
    public void The_reset_is_refused_while_a_safe_state_trip_still_holds_naming_it()
    {
        var rig = LatchedForFailedComponent();
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.InflowHighHolding());

        var outcome = rig.Next(OperatorAction.Reset);

        var reply = Assert.Single(outcome.Replies);
        Assert.False(reply.Accepted);
        Assert.Contains("OperatorReset", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("SafeState", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("IL-INFLOW-HIGH", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.False(outcome.Desired.ResetRequested);
        Assert.False(outcome.ResetHealth);
    }

    [Fact]
    [Verifies("SRS-PH-015")]
    public void A_safe_state_trip_whose_condition_has_cleared_does_not_block_the_reset_that_resets_it()
    {
        // IL-INFLOW-HIGH latched SafeState; the inflow has since cooled below its limit, so the trip only awaits the
        // operator's reset: its cause has cleared, and the reset is what resets it.
        var rig = new ProcedureRig().DriveTo(Phase.Heating).With(TripSamples.VerdictWith(TripSamples.InflowHighHolding()));
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        var cooled = TripSamples.InflowHighAwaitingReset();
        Assert.True(cooled.AwaitingReset);
        rig.LastVerdict = TripSamples.VerdictWith(cooled);

        var outcome = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.True(outcome.Desired.ResetRequested);
        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-PH-015", "SRS-IL-003")]
    public void A_further_cause_latched_in_the_reset_cycle_does_not_make_the_board_latch_block_the_reset()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.BoardSafeLatch());
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);

        // The reset's cycle also reads IL-INFLOW-HIGH for the first time, already cooled and awaiting its reset: it is
        // latched as a further cause, but nothing active blocks the reset (the board latch is what the reset releases).
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.BoardSafeLatch(), TripSamples.InflowHighAwaitingReset());
        var outcome = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.True(outcome.Desired.ReleaseBoardLatch);
        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-015")]
    public void The_reset_is_refused_while_a_component_is_still_late()
    {
        var rig = LatchedForFailedComponent();
        rig.Health = ProcedureRig.Failed("alarms");

        var reply = Assert.Single(rig.Next(OperatorAction.Reset).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("alarms", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.SafeState, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-PH-015", "SRS-IL-003")]
    public void A_watchdog_latch_of_the_board_does_not_block_the_reset_which_asks_for_its_release()
    {
        var rig = LatchedByBoard(BoardStatus.SafeLatchedByWatchdog, TripSamples.BoardSafeLatch());

        var outcome = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.True(outcome.Desired.ReleaseBoardLatch);
        Assert.True(outcome.Desired.ResetRequested);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-IL-003")]
    public void During_the_release_window_the_board_latch_trip_does_not_latch_safe_state_again_but_after_it_does()
    {
        var rig = LatchedByBoard(BoardStatus.SafeLatchedByWatchdog, TripSamples.BoardSafeLatch());
        rig.Next(OperatorAction.Reset);
        var resetCycle = rig.Cycle;

        while (rig.Cycle < resetCycle + Window)
        {
            Assert.True(rig.Next().Desired.ReleaseBoardLatch);
            Assert.Equal(Phase.Paused, rig.Phase);
        }

        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.StartsWith("IL-BOARD-SAFE-LATCH", Assert.Single(rig.Desired.Report.LatchedCauses), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-IL-003")]
    public void A_board_that_let_go_in_the_window_stays_out_of_safe_state()
    {
        var rig = LatchedByBoard(BoardStatus.SafeLatchedByWatchdog, TripSamples.BoardSafeLatch());
        rig.Next(OperatorAction.Reset);
        rig.BoardBits = BoardStatus.None;
        rig.Next();
        rig.LastVerdict = null; // the gate reset the trip once the bit was clear

        for (var i = 0; i < 2 * Window; i++)
        {
            Assert.False(rig.Next().Desired.ReleaseBoardLatch);
        }

        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-PH-015", "SRS-IL-004")]
    public void A_limiter_latch_does_not_block_the_reset_once_the_limiter_reads_below_44_0()
    {
        var rig = LatchedByBoard(BoardStatus.LimiterTripped, TripSamples.BoardLimiter(43.99));
        rig.LimiterTemperature = Temperature.FromDegreesCelsius(43.99);

        var outcome = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(outcome.Replies).Accepted);
        Assert.True(outcome.Desired.ReleaseBoardLatch);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-PH-015", "SRS-IL-004")]
    public void A_limiter_latch_blocks_the_reset_while_the_limiter_reads_44_0_or_more()
    {
        var rig = LatchedByBoard(BoardStatus.LimiterTripped, TripSamples.BoardLimiter(44.0));
        rig.LimiterTemperature = Temperature.FromDegreesCelsius(44.0);

        var reply = Assert.Single(rig.Next(OperatorAction.Reset).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("IL-BOARD-LIMITER", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.SafeState, rig.Phase);
    }
}
