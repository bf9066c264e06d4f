using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AlarmLogTests
{
    [Fact]
    [Verifies("SRS-AL-010")]
    public void Every_alarm_event_carries_time_priority_hazard_texts_and_the_pause_state()
    {
        var system = new AlarmSystem();
        var all = new List<AlarmEvent>();

        all.AddRange(system.Update(T(1), [High()]));
        all.AddRange(system.PauseAudio(T(2)).Events);
        all.AddRange(system.Update(T(3), [High(), Low()]));
        all.AddRange(system.Update(T(4), []));
        all.AddRange(system.Acknowledge(T(5), "ABD-TEMP-HIGH").Events);

        Assert.Equal(
            [AlarmEventKind.Raised, AlarmEventKind.AudioPaused, AlarmEventKind.Raised, AlarmEventKind.Latched,
             AlarmEventKind.Cleared, AlarmEventKind.Acknowledged, AlarmEventKind.Cleared, AlarmEventKind.AudioPauseEnded],
            all.Select(e => e.Kind));
        Assert.Equal([1.0, 2, 3, 4, 4, 5, 5, 5], all.Select(e => e.At.Seconds));

        var raisedHigh = all[0];
        Assert.Equal(AlarmPriority.High, raisedHigh.Priority);
        Assert.Equal(Hazards.AbdominalOverheating, raisedHigh.HazardId);
        Assert.Equal("Abdominal temperature high", raisedHigh.Message);
        Assert.Equal("43.62 °C (probe 2)", raisedHigh.MeasuredText);
        Assert.Equal("limit 43.50 °C", raisedHigh.LimitText);
        Assert.False(raisedHigh.AudioPaused);

        var raisedLowDuringPause = all[2];
        Assert.Equal("RESERVOIR-LOW", raisedLowDuringPause.ConditionId);
        Assert.True(raisedLowDuringPause.AudioPaused);
        Assert.Equal("limit 600 mL", raisedLowDuringPause.LimitText);

        var latched = all[3];
        Assert.True(latched.AudioPaused);
        Assert.Equal("43.62 °C (probe 2)", latched.MeasuredText);
        Assert.All(all, e => Assert.False(string.IsNullOrWhiteSpace(e.Detail)));
    }
}
