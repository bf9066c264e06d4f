using HipecSafe.Core.Alarms;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

public class AnnunciationTests
{
    [Fact]
    [Verifies("SRS-AL-002")]
    public void Visual_signals_follow_IEC_60601_1_8_colours_and_flash_rates()
    {
        Assert.Equal(SignalColor.Red, VisualSignal.High.Color);
        Assert.True(VisualSignal.High.Flashing);
        Assert.InRange(VisualSignal.High.FlashHertz, 1.4, 2.8);
        Assert.InRange(VisualSignal.High.DutyCycle, 0.2, 0.6);

        Assert.Equal(SignalColor.Yellow, VisualSignal.Medium.Color);
        Assert.True(VisualSignal.Medium.Flashing);
        Assert.InRange(VisualSignal.Medium.FlashHertz, 0.4, 0.8);
        Assert.InRange(VisualSignal.Medium.DutyCycle, 0.2, 0.6);

        Assert.Equal(SignalColor.Cyan, VisualSignal.Low.Color);
        Assert.False(VisualSignal.Low.Flashing);
        Assert.Equal(1.0, VisualSignal.Low.DutyCycle);
    }

    [Fact]
    [Verifies("SRS-AL-002")]
    public void The_overall_visual_signal_is_that_of_the_highest_displayed_priority_and_each_alarm_has_its_own()
    {
        var system = new AlarmSystem();
        Assert.Equal(VisualSignal.None, system.Annunciation.Visual);

        system.Update(T(1), [Low(), Medium()]);
        Assert.Equal(VisualSignal.Medium, system.Annunciation.Visual);
        Assert.Equal(VisualSignal.Low, system.View("RESERVOIR-LOW").Visual);

        system.Update(T(2), [Low(), Medium(), High()]);
        Assert.Equal(VisualSignal.High, system.Annunciation.Visual);

        // Latched and acknowledged alarms keep their visual signal.
        system.Update(T(3), [Low(), Medium()]);
        system.Acknowledge(T(4), "FLOW-DEVIATION");
        Assert.Equal(VisualSignal.High, system.Annunciation.Visual);
        Assert.Equal(VisualSignal.Medium, system.View("FLOW-DEVIATION").Visual);
    }

    [Fact]
    [Verifies("SRS-AL-013")]
    public void The_auditory_signal_is_that_of_the_highest_unacknowledged_alarm_and_alarms_are_listed_by_priority()
    {
        var system = new AlarmSystem();
        Assert.Equal(AudioState.Silent, system.Annunciation.Audio);
        Assert.Null(system.Annunciation.HighestPriority);

        system.Update(T(1), [Low()]);
        system.Update(T(2), [Low(), Medium()]);
        system.Update(T(3), [Low(), Medium(), Low("AIR-SENSOR-DIRTY")]);
        var a = system.Annunciation;
        Assert.Equal(AlarmPriority.Medium, a.AudioPriority);
        Assert.Equal(AlarmPriority.Medium, a.HighestPriority);
        Assert.Equal(["FLOW-DEVIATION", "AIR-SENSOR-DIRTY", "RESERVOIR-LOW"], a.Alarms.Select(v => v.ConditionId));

        system.Acknowledge(T(4), "FLOW-DEVIATION");
        Assert.Equal(AlarmPriority.Low, system.Annunciation.AudioPriority);
        Assert.Equal(AlarmPriority.Medium, system.Annunciation.HighestPriority);
    }
}
