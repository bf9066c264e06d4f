using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate records every trip it raises and every trip that clears, once, in the cycle it happens (SRS-LG-001): a
/// high-priority trip as a high-priority record, and the alarm condition of each active trip goes to the alarm system.
/// </summary>
public class GateLogTests
{
    private static IReadOnlyList<CycleLogEntry> Interlocks(GateOutcome outcome) =>
        outcome.Records.Where(r => r.Entry is InterlockEntry).ToList();

    [Fact]
    [Verifies("SRS-LG-001")]
    public void A_raised_trip_is_recorded_once_at_its_priority_and_alarmed_while_active()
    {
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        rig.Frame = rig.Frame with { InflowA = T(45.0) };

        var raised = rig.Decide(Running);
        var later = rig.Decide(Running);

        var record = Assert.Single(Interlocks(raised));
        Assert.Equal(LogPriority.High, record.Priority);
        var entry = Assert.IsType<InterlockEntry>(record.Entry);
        Assert.Equal((InterlockChange.Tripped, "IL-INFLOW-HIGH", "HAZ-002"), (entry.Change, entry.RuleId, entry.HazardId));
        Assert.Empty(Interlocks(later));
        Assert.Contains(later.Conditions, c => c.ConditionId == "IL-INFLOW-HIGH");
    }

    [Fact]
    [Verifies("SRS-LG-001")]
    public void A_trip_that_clears_by_itself_is_recorded_as_cleared_once()
    {
        // IL-CORE-WARNING (39.5 °C) clears with its condition, below 39.3 °C (SRS-IL-010).
        var rig = new GateRig(f => f with { Core = T(39.6) });
        Assert.True(rig.IsActive("IL-CORE-WARNING"));
        rig.Frame = rig.Frame with { Core = T(39.2) };

        var cleared = rig.Decide(Running);
        var later = rig.Decide(Running);

        var entry = Assert.IsType<InterlockEntry>(Assert.Single(Interlocks(cleared)).Entry);
        Assert.Equal(InterlockChange.Cleared, entry.Change);
        Assert.Equal("IL-CORE-WARNING", entry.RuleId);
        Assert.Empty(Interlocks(later));
        Assert.DoesNotContain(later.Conditions, c => c.ConditionId == "IL-CORE-WARNING");
    }
}
