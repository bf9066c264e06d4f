using HipecSafe.Core.Actuators;
using HipecSafe.Core.Tests.Interlocks;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate judges "commanded X, board does Y" against the command the board holds as read back in the same cycle
/// (docs/icd.md §7.5): with the read-back, a board holding heater_enable = 1 whose relay contact reads open raises
/// IL-HEATER-RELAY-OPEN after 1 s (SRS-IL-053); without it the rule cannot decide, since the last write is not what a
/// latched board holds, and a missing read is never a trip.
/// </summary>
public class GateCommandReadBackTests
{
    private static GateRig RelayStuckOpen() => new()
    {
        FeedbackFault = f => f with { Status = f.Status & ~BoardStatus.HeaterRelayClosed },
    };

    [Fact]
    [Verifies("SRS-IL-053")]
    public void A_relay_that_reads_open_while_the_board_holds_the_heater_on_is_alarmed_after_one_second()
    {
        var rig = RelayStuckOpen();

        rig.Run(TimeSpan.FromSeconds(1.5), InterlockRig.Running);

        Assert.True(InterlockRig.Running.HeaterEnabled);
        Assert.True(rig.IsActive("IL-HEATER-RELAY-OPEN"));
    }

    [Fact]
    [Verifies("SRS-IL-053")]
    public void Without_the_read_back_of_what_the_board_holds_the_relay_is_not_judged()
    {
        var rig = RelayStuckOpen();
        rig.HeldReadFails = true;

        rig.Run(TimeSpan.FromSeconds(1.5), InterlockRig.Running);

        Assert.False(rig.IsActive("IL-HEATER-RELAY-OPEN"));
    }
}
