using HipecSafe.Core.Alarms;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AlarmAcknowledgeTests
{
    [Theory]
    [InlineData(AlarmPriority.Medium)]
    [InlineData(AlarmPriority.Low)]
    [Verifies("SRS-AL-005")]
    public void Acknowledging_an_active_medium_or_low_alarm_silences_it_but_keeps_it_displayed_until_the_condition_clears(AlarmPriority priority)
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium().With(priority)]);

        var result = system.Acknowledge(T(2), "FLOW-DEVIATION");

        Assert.True(result.Accepted);
        Assert.Null(result.RefusalReason);
        Assert.Equal(AlarmEventKind.Acknowledged, Assert.Single(result.Events).Kind);
        var view = system.View("FLOW-DEVIATION");
        Assert.Equal(AlarmState.ActiveAcknowledged, view.State);
        Assert.Equal(T(2), view.AcknowledgedAt);
        Assert.Equal(AudioState.Silent, system.Annunciation.Audio);
        Assert.Equal(VisualSignal.For(priority), system.Annunciation.Visual);

        var cleared = system.Update(T(3), []);
        Assert.Equal(AlarmEventKind.Cleared, Assert.Single(cleared).Kind);
        Assert.Empty(system.Annunciation.Alarms);
    }

    [Fact]
    [Verifies("SRS-AL-005")]
    public void An_acknowledged_latching_alarm_does_not_latch_again_when_its_condition_clears()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium(latching: true)]);
        system.Acknowledge(T(2), "FLOW-DEVIATION");

        var events = system.Update(T(3), []);

        Assert.Equal(AlarmEventKind.Cleared, Assert.Single(events).Kind);
        Assert.False(system.Displays("FLOW-DEVIATION"));
    }

    [Fact]
    [Verifies("SRS-AL-006")]
    public void An_active_high_alarm_cannot_be_acknowledged_and_the_refusal_says_why()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [High()]);

        var result = system.Acknowledge(T(2), "ABD-TEMP-HIGH");

        Assert.False(result.Accepted);
        Assert.Contains("high-priority alarm 'ABD-TEMP-HIGH' cannot be acknowledged while its condition persists", result.RefusalReason);
        Assert.Contains("pause the audio", result.RefusalReason);
        Assert.Equal(AlarmState.Active, system.View("ABD-TEMP-HIGH").State);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
    }

    [Fact]
    [Verifies("SRS-AL-015")]
    public void Acknowledging_an_unknown_alarm_is_refused_naming_it()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);

        var result = system.Acknowledge(T(2), "NO-SUCH-ALARM");

        Assert.False(result.Accepted);
        Assert.Equal("no alarm 'NO-SUCH-ALARM' is displayed", result.RefusalReason);
    }

    [Fact]
    [Verifies("SRS-AL-015")]
    public void Acknowledging_twice_is_refused_with_the_time_of_the_first_acknowledgement()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);
        system.Acknowledge(T(2), "FLOW-DEVIATION");

        var result = system.Acknowledge(T(3), "FLOW-DEVIATION");

        Assert.False(result.Accepted);
        Assert.Equal("alarm 'FLOW-DEVIATION' was already acknowledged at 2 s", result.RefusalReason);
    }

    [Fact]
    [Verifies("SRS-AL-005", "SRS-AL-006")]
    public void Acknowledge_all_acknowledges_what_it_may_and_leaves_active_high_alarms_alone()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [High("LATCHER"), Medium(), Low(), High("STILL-HOT")]);
        system.Update(T(2), [Medium(), Low(), High("STILL-HOT")]);

        var result = system.AcknowledgeAll(T(3));

        Assert.True(result.Accepted);
        Assert.False(system.Displays("LATCHER"));
        Assert.Equal(AlarmState.ActiveAcknowledged, system.View("FLOW-DEVIATION").State);
        Assert.Equal(AlarmState.ActiveAcknowledged, system.View("RESERVOIR-LOW").State);
        Assert.Equal(AlarmState.Active, system.View("STILL-HOT").State);
        Assert.Equal(AlarmPriority.High, system.Annunciation.AudioPriority);
    }

    [Fact]
    [Verifies("SRS-AL-015")]
    public void Acknowledge_all_with_nothing_acknowledgeable_is_refused_with_the_reasons()
    {
        var system = new AlarmSystem();
        Assert.Equal("no alarm is displayed", system.AcknowledgeAll(T(1)).RefusalReason);

        system.Update(T(2), [High()]);
        var result = system.AcknowledgeAll(T(3));

        Assert.False(result.Accepted);
        Assert.StartsWith("nothing to acknowledge: high-priority alarm 'ABD-TEMP-HIGH'", result.RefusalReason);
    }
}
