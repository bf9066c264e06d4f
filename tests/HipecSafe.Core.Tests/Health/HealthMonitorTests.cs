using HipecSafe.Core.Health;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Health;

public class HealthMonitorTests
{
    private static HealthMonitor Monitor() => new(["ControlLoop", "Interlocks", "Alarms"]);

    private static void AllAnswer(HealthMonitor m, long key, params string[] except)
    {
        foreach (var c in m.Components.Where(c => !except.Contains(c)))
        {
            Assert.True(m.Answer(c, key));
        }
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void A_component_failing_three_consecutive_rounds_fails_and_latches()
    {
        var m = Monitor();
        var r = m.BeginRound(0);
        Assert.True(r.HeartbeatAllowed);
        AllAnswer(m, 0, except: "ControlLoop");

        r = m.BeginRound(1);
        Assert.False(r.HeartbeatAllowed); // one miss already holds the heartbeat back
        Assert.Equal(ComponentHealth.Late, m.HealthOf("ControlLoop"));
        AllAnswer(m, 1, except: "ControlLoop");
        r = m.BeginRound(2);
        Assert.Empty(r.NewlyFailed);
        AllAnswer(m, 2, except: "ControlLoop");

        r = m.BeginRound(3);
        Assert.Equal(["ControlLoop"], r.NewlyFailed);
        Assert.Equal(ComponentHealth.Failed, m.HealthOf("ControlLoop"));

        AllAnswer(m, 3); // it answers again, but the failure stays latched
        r = m.BeginRound(4);
        Assert.Empty(r.NewlyFailed);
        Assert.Equal(["ControlLoop"], r.Failed);
        Assert.False(r.HeartbeatAllowed);
        Assert.Null(m.Reset());
        AllAnswer(m, 4);
        Assert.True(m.BeginRound(5).HeartbeatAllowed);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Two_misses_then_an_answer_do_not_fail()
    {
        var m = Monitor();
        m.BeginRound(0);
        m.BeginRound(1);
        AllAnswer(m, 1, except: "Alarms");
        m.BeginRound(2);
        AllAnswer(m, 2);

        var r = m.BeginRound(3);

        Assert.Empty(r.Failed);
        Assert.True(r.HeartbeatAllowed);
        Assert.Equal(0, r.MissedRounds["Alarms"]);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void A_late_answer_with_an_old_key_does_not_count()
    {
        var m = Monitor();
        m.BeginRound(10);
        m.BeginRound(11);

        Assert.False(m.Answer("Interlocks", 10));
        Assert.Contains("Interlocks", m.Outstanding);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Reset_is_refused_while_a_component_is_still_silent()
    {
        var m = Monitor();
        for (var k = 0; k < 4; k++)
        {
            m.BeginRound(k);
            AllAnswer(m, k, except: "Alarms");
        }

        Assert.Equal("still not answering: Alarms", m.Reset());
        Assert.Throws<ArgumentOutOfRangeException>(() => m.BeginRound(2));
        Assert.Throws<ArgumentException>(() => m.Answer("Nobody", 3));
    }
}
