using HipecSafe.Core.Alarms;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AlarmInputTests
{
    [Fact]
    [Verifies("SRS-AL-011")]
    public void Malformed_conditions_are_refused_naming_each_condition_and_field_and_the_state_is_unchanged()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);
        var bad = new[]
        {
            new AlarmCondition("", AlarmPriority.High, null, "x", "", ""),
            new AlarmCondition("NO-TEXT", AlarmPriority.Medium, null, " ", "", ""),
            new AlarmCondition("BAD-PRIO", (AlarmPriority)7, null, "x", "", ""),
            new AlarmCondition("BLANK-HAZARD", AlarmPriority.Low, "", "x", "", ""),
        };

        var error = Assert.Throws<ArgumentException>(() => system.Update(T(2), bad));

        Assert.Contains("ConditionId must not be empty", error.Message);
        Assert.Contains("alarm condition 'NO-TEXT': Message must not be empty", error.Message);
        Assert.Contains("alarm condition 'BAD-PRIO': Priority 7 is not Low (1), Medium (2) or High (3)", error.Message);
        Assert.Contains("alarm condition 'BLANK-HAZARD': HazardId is blank", error.Message);
        Assert.True(system.Displays("FLOW-DEVIATION"));
        Assert.Equal(AlarmState.Active, system.View("FLOW-DEVIATION").State);
    }

    [Fact]
    [Verifies("SRS-AL-011")]
    public void A_condition_ID_reported_twice_in_one_update_is_refused()
    {
        var system = new AlarmSystem();

        var error = Assert.Throws<ArgumentException>(() => system.Update(T(1), [Medium(), Medium().With(AlarmPriority.High)]));

        Assert.Contains("alarm condition 'FLOW-DEVIATION' appears more than once", error.Message);
        Assert.Empty(system.Annunciation.Alarms);
    }

    [Fact]
    [Verifies("SRS-AL-012")]
    public void Time_going_backwards_is_refused_with_both_times()
    {
        var system = new AlarmSystem();
        system.Update(T(10), [Medium()]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => system.Update(T(9.5), []));

        Assert.Contains("alarm system time went backwards: 9.5 s after 10 s", error.Message);
        Assert.True(system.Displays("FLOW-DEVIATION"));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.PauseAudio(T(9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Acknowledge(T(9), "FLOW-DEVIATION"));
    }
}
