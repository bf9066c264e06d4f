using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// A board-latch trip reset by the latch release (bit clear while the release is asked for, SRS-IL-003) is reset after
/// the cycle's evaluation, so the evaluation cannot report its clearing: the gate records it itself, once, as every
/// clear is recorded (SRS-IL-046: the trips cleared, with rule and hazard); a release that is refused records none.
/// </summary>
public class GateBoardLatchClearRecordTests
{
    private static IReadOnlyList<InterlockEntry> Clears(GateOutcome outcome) =>
        outcome.Records.Select(r => r.Entry).OfType<InterlockEntry>().Where(e => e.Change == InterlockChange.Cleared).ToList();

    [Fact]
    [Verifies("SRS-IL-003", "SRS-IL-046")]
    public void A_release_reset_is_recorded_as_cleared_by_operator_reset_once()
    {
        var rig = new GateRig { BoardBits = BoardStatus.SafeLatchedByWatchdog };
        rig.Decide(Running);
        Assert.True(rig.IsActive("IL-BOARD-SAFE-LATCH"));
        rig.BoardBits = BoardStatus.None;

        var outcome = rig.Decide(Running.WithHeaterOff(), release: true);

        var clear = Assert.Single(Clears(outcome), e => e.RuleId == "IL-BOARD-SAFE-LATCH");
        Assert.Equal("HAZ-009", clear.HazardId);
        Assert.Equal($"cleared ({ClearCause.OperatorReset})", clear.Response);
        Assert.Contains(outcome.Records, r => ReferenceEquals(r.Entry, clear) && r.Priority == LogPriority.Medium);
    }

    [Fact]
    [Verifies("SRS-IL-003", "SRS-IL-046")]
    public void A_release_while_the_bit_is_still_set_records_no_clear()
    {
        var rig = new GateRig { BoardBits = BoardStatus.SafeLatchedByWatchdog };
        rig.Decide(Running);

        var outcome = rig.Decide(ActuatorCommand.Safe, release: true);

        Assert.DoesNotContain(Clears(outcome), e => e.RuleId == "IL-BOARD-SAFE-LATCH");
    }
}
