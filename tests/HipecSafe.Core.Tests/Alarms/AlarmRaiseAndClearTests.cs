using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AlarmRaiseAndClearTests
{
    [Fact]
    [Verifies("SRS-AL-001")]
    public void A_present_condition_is_raised_and_displayed_with_its_texts_in_the_same_update()
    {
        var system = new AlarmSystem();

        var events = system.Update(T(1), [Medium()]);

        var raised = Assert.Single(events);
        Assert.Equal(AlarmEventKind.Raised, raised.Kind);
        Assert.Equal("FLOW-DEVIATION", raised.ConditionId);
        var view = system.View("FLOW-DEVIATION");
        Assert.Equal(AlarmState.Active, view.State);
        Assert.Equal(AlarmPriority.Medium, view.Priority);
        Assert.Equal(Hazards.InadequateFlow, view.HazardId);
        Assert.Equal("Flow off target", view.Message);
        Assert.Equal("1.62 L/min", view.MeasuredText);
        Assert.Equal("target 2.00 L/min ± 10 % for 10 s", view.LimitText);
        Assert.Equal(T(1), view.RaisedAt);
    }

    [Fact]
    [Verifies("SRS-AL-001")]
    public void A_condition_that_stays_present_raises_one_alarm_and_keeps_its_latest_measured_text()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);

        var events = system.Update(T(2), [Medium() with { MeasuredText = "1.55 L/min" }]);

        Assert.Empty(events);
        Assert.Equal("1.55 L/min", system.View("FLOW-DEVIATION").MeasuredText);
        Assert.Equal(T(1), system.View("FLOW-DEVIATION").RaisedAt);
    }

    [Theory]
    [InlineData(AlarmPriority.Medium)]
    [InlineData(AlarmPriority.Low)]
    [Verifies("SRS-AL-004")]
    public void A_non_latching_medium_or_low_alarm_clears_itself_when_its_condition_clears(AlarmPriority priority)
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium().With(priority)]);

        var events = system.Update(T(2), []);

        var cleared = Assert.Single(events);
        Assert.Equal(AlarmEventKind.Cleared, cleared.Kind);
        Assert.Empty(system.Annunciation.Alarms);
        Assert.Equal(AudioState.Silent, system.Annunciation.Audio);
    }

    [Theory]
    [InlineData(AlarmPriority.Medium)]
    [InlineData(AlarmPriority.Low)]
    [Verifies("SRS-AL-004")]
    public void A_medium_or_low_alarm_flagged_latching_stays_displayed_until_acknowledged(AlarmPriority priority)
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium(latching: true).With(priority)]);

        var events = system.Update(T(2), []);

        Assert.Equal(AlarmEventKind.Latched, Assert.Single(events).Kind);
        Assert.Equal(AlarmState.LatchedCleared, system.View("FLOW-DEVIATION").State);
        Assert.True(system.Acknowledge(T(3), "FLOW-DEVIATION").Accepted);
        Assert.Empty(system.Annunciation.Alarms);
    }

    [Fact]
    [Verifies("SRS-AL-003")]
    public void A_high_alarm_latches_after_its_condition_clears_and_keeps_sounding_until_acknowledged()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [High()]);

        var events = system.Update(T(2), []);

        var latched = Assert.Single(events);
        Assert.Equal(AlarmEventKind.Latched, latched.Kind);
        var view = system.View("ABD-TEMP-HIGH");
        Assert.Equal(AlarmState.LatchedCleared, view.State);
        Assert.Equal(T(2), view.ConditionClearedAt);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
        Assert.Equal(AlarmPriority.High, system.Annunciation.AudioPriority);

        // Time alone never removes it.
        Assert.Empty(system.Update(T(3600), []));
        Assert.True(system.Displays("ABD-TEMP-HIGH"));

        var ack = system.Acknowledge(T(3601), "ABD-TEMP-HIGH");
        Assert.True(ack.Accepted);
        Assert.Equal([AlarmEventKind.Acknowledged, AlarmEventKind.Cleared], ack.Events.Select(e => e.Kind));
        Assert.Empty(system.Annunciation.Alarms);
    }

    [Fact]
    [Verifies("SRS-AL-003")]
    public void A_high_alarm_latches_even_when_the_source_did_not_flag_it_latching()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [High(latching: false)]);
        system.Update(T(2), []);

        Assert.Equal(AlarmState.LatchedCleared, system.View("ABD-TEMP-HIGH").State);
        Assert.True(system.View("ABD-TEMP-HIGH").Latching);
    }

    [Fact]
    [Verifies("SRS-AL-003")]
    public void A_condition_that_was_high_for_a_moment_latches_at_high_even_if_it_was_lowered_before_clearing()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);
        system.Update(T(2), [Medium().With(AlarmPriority.High)]);
        system.Update(T(3), [Medium()]);

        system.Update(T(4), []);

        var view = system.View("FLOW-DEVIATION");
        Assert.Equal(AlarmState.LatchedCleared, view.State);
        Assert.Equal(AlarmPriority.High, view.Priority);
    }

    [Fact]
    [Verifies("SRS-AL-003")]
    public void A_latched_alarm_whose_condition_returns_is_active_again()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [High()]);
        system.Update(T(2), []);

        var events = system.Update(T(3), [High()]);

        Assert.Equal(AlarmEventKind.Reactivated, Assert.Single(events).Kind);
        Assert.Equal(AlarmState.Active, system.View("ABD-TEMP-HIGH").State);
        Assert.Null(system.View("ABD-TEMP-HIGH").ConditionClearedAt);
    }

    [Fact]
    [Verifies("SRS-AL-009")]
    public void Raising_the_priority_of_a_present_condition_escalates_it_and_takes_back_its_acknowledgement()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);
        system.Acknowledge(T(2), "FLOW-DEVIATION");
        Assert.Equal(AudioState.Silent, system.Annunciation.Audio);

        var events = system.Update(T(3), [Medium().With(AlarmPriority.High)]);

        var escalated = Assert.Single(events);
        Assert.Equal(AlarmEventKind.Escalated, escalated.Kind);
        Assert.Equal(AlarmPriority.High, escalated.Priority);
        Assert.Equal(AlarmState.Active, system.View("FLOW-DEVIATION").State);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
        Assert.Equal(AlarmPriority.High, system.Annunciation.AudioPriority);
    }

    [Fact]
    [Verifies("SRS-AL-009")]
    public void Lowering_the_priority_of_a_present_condition_is_logged_and_keeps_its_state()
    {
        var system = new AlarmSystem();
        system.Update(T(1), [Medium()]);
        system.Acknowledge(T(2), "FLOW-DEVIATION");

        var events = system.Update(T(3), [Medium().With(AlarmPriority.Low)]);

        Assert.Equal(AlarmEventKind.PriorityLowered, Assert.Single(events).Kind);
        Assert.Equal(AlarmState.ActiveAcknowledged, system.View("FLOW-DEVIATION").State);
        Assert.Equal(AlarmPriority.Low, system.View("FLOW-DEVIATION").Priority);
    }

    [Fact]
    [Verifies("SRS-AL-011")]
    public void Technical_conditions_without_a_hazard_are_annunciated_like_any_other()
    {
        var system = new AlarmSystem();
        var busFault = new AlarmCondition("BUS-FAULT", AlarmPriority.High, Hazards.LossOfControl, "Actuator board not answering", "3 failed transactions", "limit 3", false);
        var logDown = new AlarmCondition("HAZARD-LOG-UNAVAILABLE", AlarmPriority.Medium, null, "Hazard log cannot be written", "disk full", "", true);

        var events = system.Update(T(1), [logDown, busFault]);

        Assert.Equal(["BUS-FAULT", "HAZARD-LOG-UNAVAILABLE"], events.Select(e => e.ConditionId));
        Assert.Null(system.View("HAZARD-LOG-UNAVAILABLE").HazardId);
        Assert.Equal(AlarmPriority.High, system.Annunciation.HighestPriority);
    }
}
