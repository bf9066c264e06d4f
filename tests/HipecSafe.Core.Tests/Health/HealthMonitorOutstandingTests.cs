using HipecSafe.Core.Health;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Health;

/// <summary>
/// The outstanding list is published after every answer and shared between rounds with the same silent components:
/// it must always be exactly the components that have not answered this round's key, in ordinal order, and a list
/// handed out earlier must not change afterwards.
/// </summary>
public class HealthMonitorOutstandingTests
{
    [Fact]
    [Verifies("SRS-RT-006")]
    public void Outstanding_follows_every_answer_and_earlier_lists_stay_as_they_were()
    {
        var m = new HealthMonitor(["supervisor", "controlloop", "interlocks", "alarms"]);
        m.BeginRound(0);
        var all = m.Outstanding;
        Assert.Equal(["alarms", "controlloop", "interlocks", "supervisor"], all);

        Assert.True(m.Answer("interlocks", 0));
        var afterOne = m.Outstanding;
        Assert.Equal(["alarms", "controlloop", "supervisor"], afterOne);
        Assert.Equal(["alarms", "controlloop", "interlocks", "supervisor"], all);

        Assert.True(m.Answer("alarms", 0));
        Assert.True(m.Answer("supervisor", 0));
        Assert.Equal(["controlloop"], m.Outstanding);
        Assert.True(m.Answer("controlloop", 0));
        Assert.Empty(m.Outstanding);

        m.BeginRound(1);
        Assert.Equal(["alarms", "controlloop", "interlocks", "supervisor"], m.Outstanding);
        Assert.True(m.Answer("interlocks", 1));
        Assert.Equal(afterOne, m.Outstanding);
        Assert.False(m.Answer("alarms", 0)); // an old key does not count
        Assert.Equal(["alarms", "controlloop", "supervisor"], m.Outstanding);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void A_round_after_a_miss_reports_the_missed_rounds_and_withholds_the_heartbeat()
    {
        var m = new HealthMonitor(["b", "a"]);
        m.BeginRound(0);
        Assert.True(m.Answer("a", 0));

        var r = m.BeginRound(1);

        Assert.False(r.HeartbeatAllowed);
        Assert.Equal(1, r.MissedRounds["b"]);
        Assert.Equal(0, r.MissedRounds["a"]);
        Assert.Equal(["b", "a"], m.Components);
        Assert.True(m.Answer("b", 1));
        Assert.True(m.Answer("a", 1));
        r = m.BeginRound(2);
        Assert.True(r.HeartbeatAllowed);
        Assert.Equal(0, r.MissedRounds["b"]);
        Assert.Empty(r.Failed);
        Assert.Empty(r.NewlyFailed);
    }
}
