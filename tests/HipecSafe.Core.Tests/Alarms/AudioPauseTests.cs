using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AudioPauseTests
{
    [Fact]
    [Verifies("SRS-AL-007")]
    public void Pausing_audio_silences_it_for_two_minutes_and_keeps_the_visual_signal()
    {
        var system = new AlarmSystem();
        system.Update(T(10), [Medium()]);

        var result = system.PauseAudio(T(11));

        Assert.True(result.Accepted);
        var paused = Assert.Single(result.Events);
        Assert.Equal(AlarmEventKind.AudioPaused, paused.Kind);
        Assert.Equal(AlarmPriority.Medium, paused.Priority);
        Assert.True(paused.AudioPaused);
        var annunciation = system.Annunciation;
        Assert.Equal(AudioState.Paused, annunciation.Audio);
        Assert.Null(annunciation.AudioPriority);
        Assert.Equal(T(131), annunciation.AudioPausedUntil);
        Assert.Equal(VisualSignal.Medium, annunciation.Visual);
    }

    [Fact]
    [Verifies("SRS-AL-007")]
    public void The_pause_ends_by_itself_after_two_minutes_and_the_audio_comes_back()
    {
        var system = new AlarmSystem();
        system.Update(T(10), [Medium()]);
        system.PauseAudio(T(11));

        Assert.Empty(system.Update(T(130.9), [Medium()]));
        Assert.Equal(AudioState.Paused, system.Annunciation.Audio);

        var events = system.Update(T(131), [Medium()]);

        var ended = Assert.Single(events);
        Assert.Equal(AlarmEventKind.AudioPauseEnded, ended.Kind);
        Assert.False(ended.AudioPaused);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
        Assert.Equal(AlarmPriority.Medium, system.Annunciation.AudioPriority);
    }

    [Fact]
    [Verifies("SRS-AL-007")]
    public void The_pause_duration_is_configurable_within_five_minutes()
    {
        var system = new AlarmSystem(new AlarmSystemOptions(Duration.FromSeconds(30)));
        system.Update(T(0), [Low()]);
        system.PauseAudio(T(0));

        Assert.Equal(T(30), system.Annunciation.AudioPausedUntil);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AlarmSystem(new AlarmSystemOptions(Duration.FromMinutes(10))));
        Assert.Contains("AudioPauseDuration must be above 0 s and at most 300 s; it was 600 s", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlarmSystem(new AlarmSystemOptions(Duration.Zero)));
    }

    [Fact]
    [Verifies("SRS-AL-007")]
    public void Pausing_again_restarts_the_pause()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Medium()]);
        system.PauseAudio(T(0));

        system.PauseAudio(T(100));

        Assert.Equal(T(220), system.Annunciation.AudioPausedUntil);
    }

    [Fact]
    [Verifies("SRS-AL-008")]
    public void A_new_high_alarm_cancels_the_pause_at_once_even_when_a_high_alarm_was_paused()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [High("FIRST-HIGH")]);
        system.PauseAudio(T(1));

        var events = system.Update(T(5), [High("FIRST-HIGH"), High("SECOND-HIGH")]);

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.AudioPauseCancelled], events.Select(e => e.Kind));
        Assert.False(events[0].AudioPaused);
        Assert.Equal("SECOND-HIGH", events[1].ConditionId);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
        Assert.Equal(AlarmPriority.High, system.Annunciation.AudioPriority);
    }

    [Fact]
    [Verifies("SRS-AL-008")]
    public void A_new_alarm_above_the_highest_paused_priority_cancels_the_pause()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Low()]);
        system.PauseAudio(T(1));

        var events = system.Update(T(5), [Low(), Medium()]);

        Assert.Contains(events, e => e.Kind == AlarmEventKind.AudioPauseCancelled && e.ConditionId == "FLOW-DEVIATION");
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
        Assert.Equal(AlarmPriority.Medium, system.Annunciation.AudioPriority);
    }

    [Fact]
    [Verifies("SRS-AL-008")]
    public void A_new_alarm_at_or_below_the_paused_priority_stays_silent_until_the_pause_ends()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Medium()]);
        system.PauseAudio(T(1));

        var events = system.Update(T(5), [Medium(), Medium("LINE-PRESSURE"), Low()]);

        Assert.All(events, e => Assert.Equal(AlarmEventKind.Raised, e.Kind));
        Assert.All(events, e => Assert.True(e.AudioPaused));
        Assert.Equal(AudioState.Paused, system.Annunciation.Audio);
    }

    [Fact]
    [Verifies("SRS-AL-008")]
    public void Escalation_of_a_paused_alarm_to_high_cancels_the_pause()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Medium()]);
        system.PauseAudio(T(1));

        var events = system.Update(T(5), [Medium().With(AlarmPriority.High)]);

        Assert.Equal([AlarmEventKind.Escalated, AlarmEventKind.AudioPauseCancelled], events.Select(e => e.Kind));
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
    }

    [Fact]
    [Verifies("SRS-AL-008")]
    public void A_latched_high_alarm_whose_condition_returns_during_a_pause_cancels_it()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [High()]);
        system.Update(T(1), []);
        system.PauseAudio(T(2));

        var events = system.Update(T(3), [High()]);

        Assert.Equal([AlarmEventKind.Reactivated, AlarmEventKind.AudioPauseCancelled], events.Select(e => e.Kind));
    }

    [Fact]
    [Verifies("SRS-AL-014")]
    public void The_pause_ends_when_no_alarm_calls_for_sound_any_more()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Medium()]);
        system.PauseAudio(T(1));

        var events = system.Update(T(2), []);

        Assert.Equal([AlarmEventKind.Cleared, AlarmEventKind.AudioPauseEnded], events.Select(e => e.Kind));
        Assert.Equal(AudioState.Silent, system.Annunciation.Audio);
        Assert.Null(system.Annunciation.AudioPausedUntil);

        // A later alarm of the same priority is not swallowed by the old pause.
        system.Update(T(3), [Medium()]);
        Assert.Equal(AudioState.Sounding, system.Annunciation.Audio);
    }

    [Fact]
    [Verifies("SRS-AL-015")]
    public void Pausing_with_nothing_sounding_is_refused()
    {
        var system = new AlarmSystem();
        Assert.Equal("no alarm signal is sounding; there is nothing to pause", system.PauseAudio(T(0)).RefusalReason);

        system.Update(T(1), [Medium()]);
        system.Acknowledge(T(2), "FLOW-DEVIATION");
        Assert.False(system.PauseAudio(T(3)).Accepted);
    }

    [Fact]
    [Verifies("SRS-AL-007")]
    public void A_pause_that_ran_out_before_an_operator_command_is_reported_with_that_command()
    {
        var system = new AlarmSystem();
        system.Update(T(0), [Medium()]);
        system.PauseAudio(T(1));

        var result = system.Acknowledge(T(200), "FLOW-DEVIATION");

        Assert.Equal([AlarmEventKind.AudioPauseEnded, AlarmEventKind.Acknowledged], result.Events.Select(e => e.Kind));
    }
}
