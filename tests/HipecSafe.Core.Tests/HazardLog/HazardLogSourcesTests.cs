using HipecSafe.TestSupport;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Tests.HazardLog;

/// <summary>What the alarm system and the phase machine emit goes into the log field for field and reads back the same.</summary>
public class HazardLogSourcesTests
{
    [Fact]
    [Verifies("SRS-LG-001")]
    public void Alarm_system_events_are_logged_field_for_field()
    {
        var alarms = new AlarmSystem();
        var overheat = new AlarmCondition("ABD-TEMP-HIGH", AlarmPriority.High, Hazards.AbdominalOverheating,
            "Abdominal temperature high", "43.62 °C (probe 2)", "limit 43.50 °C for 1 s");
        var events = new List<AlarmEvent>();
        events.AddRange(alarms.Update(Duration.FromSeconds(10), [overheat]));
        events.AddRange(alarms.PauseAudio(Duration.FromSeconds(11)).Events);
        events.AddRange(alarms.Update(Duration.FromSeconds(20), []));
        events.AddRange(alarms.Acknowledge(Duration.FromSeconds(21), "ABD-TEMP-HIGH").Events);
        Assert.True(events.Count >= 3, "the alarm system should have raised, paused and ended the alarm");

        var (bytes, written) = SampleLog.Build(events.Select(e => (LogPriority.High, (HazardLogEntry)AlarmEntry.Of(e))));
        var read = new List<HazardLogRecord>();
        Assert.True(HazardLogVerifier.Verify(bytes, read.Add).IsIntact);

        Assert.Equal(written, read);
        var raised = Assert.IsType<AlarmEntry>(read[1].Entry);
        Assert.Equal(HazardLogKind.AlarmRaised, raised.Kind);
        Assert.Equal(("ABD-TEMP-HIGH", AlarmPriority.High, Hazards.AbdominalOverheating), (raised.AlarmId, raised.AlarmPriority, raised.HazardId));
        Assert.Equal(("43.62 °C (probe 2)", "limit 43.50 °C for 1 s"), (raised.MeasuredValue, raised.Limit));
        Assert.Contains(read, r => r.Kind == HazardLogKind.AlarmAudioPaused && ((AlarmEntry)r.Entry).AudioPaused);
    }

    [Fact]
    public void Every_alarm_event_kind_has_its_own_record_kind()
    {
        var kinds = Enum.GetValues<AlarmEventKind>()
            .Select(k => new AlarmEntry(k, "A", AlarmPriority.Low, null, "m", "", "", false, "").Kind)
            .ToList();

        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        Assert.All(kinds, k => Assert.StartsWith("Alarm", k.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_phase_transition_is_logged_with_trigger_requirement_and_detail()
    {
        var transition = new PhaseTransition(TimeSpan.FromMinutes(3), Phase.Heating, Phase.SafeState, PhaseTrigger.Fault, "SRS-PH-015", "interlock IL-OVERTEMP");

        var entry = PhaseTransitionEntry.Of(transition);

        Assert.Equal(new PhaseTransitionEntry(Phase.Heating, Phase.SafeState, "Fault", "SRS-PH-015", "interlock IL-OVERTEMP"), entry);
    }
}
