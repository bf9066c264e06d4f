using HipecSafe.Core.Alarms;
using HipecSafe.Core.Health;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Health;

/// <summary>
/// The watchdog's verdict as an alarm condition (SRS-AL-016): a failed component means the device is held in its
/// safe state (SRS-RT-006), which is annunciated by the high, latching SAFE-STATE alarm (SRS-RT-004).
/// </summary>
public sealed class FailedComponentAlarmTests
{
    [Fact]
    [Verifies("SRS-AL-016")]
    public void No_failed_component_is_no_condition()
    {
        Assert.Null(FailedComponentAlarm.Of([], 3));
    }

    [Fact]
    [Verifies("SRS-AL-016", "SRS-RT-004")]
    public void Failed_components_are_the_high_latching_safe_state_condition_naming_them_and_the_rounds()
    {
        var condition = FailedComponentAlarm.Of(["boardbus", "interlocks"], 3)!;

        Assert.Equal("SAFE-STATE", condition.ConditionId);
        Assert.Equal(AlarmPriority.High, condition.Priority);
        Assert.True(condition.Latching);
        Assert.Equal("HAZ-009", condition.HazardId);
        Assert.Contains("boardbus, interlocks", condition.Message, StringComparison.Ordinal);
        Assert.Contains("3 consecutive health rounds", condition.MeasuredText, StringComparison.Ordinal);
        Assert.Empty(condition.Problems());
    }

    [Fact]
    [Verifies("SRS-AL-016")]
    public void The_condition_is_added_to_a_cycle_that_lacks_it_and_left_out_when_the_cycle_has_its_own()
    {
        var watchdog = FailedComponentAlarm.Of(["interlocks"], 3)!;
        var flow = new AlarmCondition("IL-FLOW-DEVIATION", AlarmPriority.Medium, "HAZ-011", "Flow deviation", "", "");
        var lane = new AlarmCondition("SAFE-STATE", AlarmPriority.High, null, "Device in SafeState", "", "", Latching: true);
        IReadOnlyList<AlarmCondition> cycle = [flow];
        IReadOnlyList<AlarmCondition> withLane = [flow, lane];

        Assert.Equal([flow, watchdog], FailedComponentAlarm.Merge(cycle, watchdog));
        Assert.Same(withLane, FailedComponentAlarm.Merge(withLane, watchdog));
        Assert.Same(cycle, FailedComponentAlarm.Merge(cycle, null));
        // One alarm system update takes the merge without a duplicate-ID refusal (SRS-AL-011).
        var events = new AlarmSystem().Update(Core.Quantities.Duration.FromSeconds(1), FailedComponentAlarm.Merge(withLane, watchdog));
        Assert.Single(events, e => e.ConditionId == "SAFE-STATE");
    }

    [Theory]
    [InlineData(new string[0], new string[0], true)]
    [InlineData(new[] { "interlocks" }, new[] { "interlocks" }, true)]
    [InlineData(new[] { "interlocks" }, new string[0], false)]
    [InlineData(new[] { "boardbus" }, new[] { "interlocks" }, false)]
    [InlineData(new[] { "boardbus", "interlocks" }, new[] { "boardbus" }, false)]
    [Verifies("SRS-AL-016")]
    public void The_watchdog_tells_the_alarms_only_when_the_failed_components_change(string[] a, string[] b, bool same)
    {
        Assert.Equal(same, FailedComponentAlarm.Same(a, b));
    }
}
