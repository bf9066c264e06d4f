using HipecSafe.Core.Health;

namespace HipecSafe.Core.Tests.Health;

/// <summary>Health monitor edges: construction limits, round keys, the Late state, and the order of reported names.</summary>
public class HealthMonitorBoundaryTests
{
    [Fact]
    public void A_failure_threshold_below_one_round_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthMonitor(["io"], missedRoundsForFailure: 0));
        Assert.Equal(1, new HealthMonitor(["io"], missedRoundsForFailure: 1).MissedRoundsForFailure);
    }

    [Fact]
    public void A_monitor_without_components_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HealthMonitor([]));
        Assert.Equal("components", ex.ParamName);
    }

    [Fact]
    public void Reusing_the_current_round_key_is_refused()
    {
        var monitor = new HealthMonitor(["io"]);
        monitor.BeginRound(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.BeginRound(5));
    }

    [Fact]
    public void A_component_that_missed_one_round_is_late_and_healthy_again_once_it_answers()
    {
        var monitor = new HealthMonitor(["io", "control"]);
        monitor.BeginRound(1);
        monitor.Answer("control", 1);
        monitor.BeginRound(2);
        Assert.Equal(ComponentHealth.Late, monitor.HealthOf("io"));
        Assert.Equal(ComponentHealth.Healthy, monitor.HealthOf("control"));

        monitor.Answer("io", 2);
        monitor.Answer("control", 2);
        var round = monitor.BeginRound(3);
        Assert.Equal(ComponentHealth.Healthy, monitor.HealthOf("io"));
        Assert.False(round.AnyFailed);
    }

    [Fact]
    public void Names_are_reported_in_ordinal_order_in_every_list()
    {
        var monitor = new HealthMonitor(["b-io", "a-control", "c-log"], missedRoundsForFailure: 1);
        monitor.BeginRound(1);
        Assert.Equal(["a-control", "b-io", "c-log"], monitor.Outstanding);

        var round = monitor.BeginRound(2);
        Assert.Equal(["a-control", "b-io", "c-log"], round.NewlyFailed);
        Assert.Equal(["a-control", "b-io", "c-log"], round.Failed);
        Assert.True(round.AnyFailed);
        Assert.Equal("still not answering: a-control, b-io, c-log", monitor.Reset());
    }
}
