using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// A board-latch trip (IL-BOARD-SAFE-LATCH for bit0, IL-BOARD-LIMITER for bit1) is latched until reset with the bit
/// clear (SRS-IL-003, SRS-IL-004): the gate resets it once the board reports the bit clear while the control lane asks
/// for the latch release (docs/icd.md §7.4), and not otherwise.
/// </summary>
public class GateBoardLatchResetTests
{
    private static GateRig LatchedBy(BoardStatus bit)
    {
        var rig = new GateRig { BoardBits = bit };
        rig.Decide(Running);
        Assert.Equal(ActuatorCommand.Safe, rig.Verdict.Command);
        return rig;
    }

    [Theory]
    [InlineData(BoardStatus.SafeLatchedByWatchdog, "IL-BOARD-SAFE-LATCH")]
    [InlineData(BoardStatus.LimiterTripped, "IL-BOARD-LIMITER")]
    [Verifies("SRS-IL-003", "SRS-IL-004")]
    public void The_trip_is_reset_once_the_bit_is_clear_while_the_release_is_asked_for(BoardStatus bit, string ruleId)
    {
        var rig = LatchedBy(bit);
        Assert.True(rig.IsActive(ruleId));
        rig.BoardBits = BoardStatus.None;

        var outcome = rig.Decide(Running.WithHeaterOff(), release: true);

        Assert.False(rig.IsActive(ruleId));
        Assert.Equal(Running.WithHeaterOff(), outcome.Verdict.Command);
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<NoteEntry>(),
            n => n.Text.StartsWith($"interlock {ruleId} reset accepted", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-IL-003")]
    public void The_trip_stays_while_the_bit_is_still_set()
    {
        var rig = LatchedBy(BoardStatus.SafeLatchedByWatchdog);

        rig.Decide(ActuatorCommand.Safe, release: true);

        Assert.True(rig.IsActive("IL-BOARD-SAFE-LATCH"));
        Assert.Equal(ActuatorCommand.Safe, rig.Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-IL-003")]
    public void The_trip_stays_when_the_bit_is_clear_but_no_release_is_asked_for()
    {
        var rig = LatchedBy(BoardStatus.SafeLatchedByWatchdog);
        rig.BoardBits = BoardStatus.None;

        rig.Decide(Running.WithHeaterOff());

        Assert.True(rig.IsActive("IL-BOARD-SAFE-LATCH"));
        Assert.Equal(ActuatorCommand.Safe, rig.Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-IL-003")]
    public void The_trip_stays_when_the_board_could_not_be_read()
    {
        var rig = LatchedBy(BoardStatus.SafeLatchedByWatchdog);
        rig.BoardBits = BoardStatus.None;
        rig.FeedbackReadFails = true;

        rig.Decide(Running.WithHeaterOff(), release: true);

        Assert.True(rig.IsActive("IL-BOARD-SAFE-LATCH"));
    }
}
