using Akka.Actor;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Health;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The watchdog actor between probes: each probe is one monitored component that answers (or not) the pings.
/// Every message the test sends comes from the test thread, so a pong sent before the next tick is in the
/// watchdog's mailbox before that tick.
/// </summary>
public sealed class WatchdogActorTests : TestKit
{
    private readonly ActorTestEnvironment _t;
    private readonly IActorRef _watchdog;
    private readonly List<LogEvent> _logged = [];
    private readonly List<ComponentFailureAlarm> _alarmed = [];

    public WatchdogActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        var ports = _t.WatchdogPorts();
        var monitor = new HealthMonitor(ComponentNames.Monitored);
        _watchdog = Sys.ActorOf(Props.Create(() => new WatchdogActor(ports, monitor)), ComponentNames.Watchdog);
    }

    /// <summary>Sends the tick, collects every component's ping (asserting its key) and the bus's StartCycle.</summary>
    private StartCycle Tick(long cycle)
    {
        _watchdog.Tell(ActorTestEnvironment.Tick(cycle));
        foreach (var (name, probe) in _t.Monitored)
        {
            var ping = NextPing(name, probe);
            Assert.True(ping.Key == cycle, $"{name} got ping key {ping.Key} in cycle {cycle}");
        }

        return _t.BoardBus.ExpectMsg<StartCycle>(TimeSpan.FromSeconds(5));
    }

    /// <summary>The next ping to a probe; log records on the way (the hazard-log probe gets both) are kept aside.</summary>
    private Ping NextPing(string name, Akka.TestKit.TestProbe probe)
    {
        while (true)
        {
            switch (probe.ReceiveOne(TimeSpan.FromSeconds(5)))
            {
                case Ping ping:
                    return ping;
                case LogEvent log:
                    _logged.Add(log);
                    break;
                case ComponentFailureAlarm alarm when probe == _t.Alarms:
                    _alarmed.Add(alarm);
                    break;
                case var other:
                    Assert.Fail($"{name} got {other?.ToString() ?? "nothing"} instead of a ping");
                    break;
            }
        }
    }

    private void Answer(long key, params string[] silent)
    {
        foreach (var name in ComponentNames.Monitored.Where(n => !silent.Contains(n)))
        {
            _watchdog.Tell(new Pong(name, key));
        }
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Every_tick_pings_every_monitored_component_with_a_fresh_key_and_starts_the_cycle_on_the_bus()
    {
        var keys = new List<long>();
        for (long cycle = 0; cycle < 4; cycle++)
        {
            var start = Tick(cycle);
            Assert.Equal(cycle, start.Tick.Cycle);
            Assert.True(start.Health.RoundPassed, $"cycle {cycle}: every component answered, the heartbeat must be allowed");
            Assert.Empty(start.Health.Late);
            Assert.Empty(start.Health.Failed);
            keys.Add(start.Tick.Cycle);
            Answer(cycle);
        }

        Assert.Equal(keys.Count, keys.Distinct().Count());
        // The watchdog does not ping itself: the board's own watchdog watches it.
        Assert.False(_t.Watchdog.HasMessages);
        // Each round's start is reported to the listener (the real-time clock's tick hand-over, the lockstep monitor).
        // Up to the report that round 3 has all its answers.
        var progress = new List<RoundProgress>();
        do
        {
            progress.Add(_t.Listener.ExpectMsg<RoundProgress>(TimeSpan.FromSeconds(5)));
        }
        while (progress[^1] is not { Key: 3, Outstanding.Count: 0 });

        Assert.Equal([0L, 1L, 2L, 3L], progress.Select(p => p.Key).Distinct());
        Assert.All(progress.GroupBy(p => p.Key), round =>
            Assert.Equal(ComponentNames.Monitored.Order(StringComparer.Ordinal), round.First().Outstanding.Order(StringComparer.Ordinal)));
    }

    [Fact]
    [Verifies("SRS-RT-007")]
    public void One_missed_round_withholds_the_heartbeat_for_the_next_cycle_only()
    {
        Tick(0);
        Answer(0);
        Tick(1);
        Answer(1, ComponentNames.ControlLoop);

        var late = Tick(2);
        Assert.False(late.Health.RoundPassed);
        Assert.Equal([ComponentNames.ControlLoop], late.Health.Late);
        Assert.Empty(late.Health.Failed);
        Answer(2);

        var recovered = Tick(3);
        Assert.True(recovered.Health.RoundPassed);
        Assert.Empty(recovered.Health.Late);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void An_answer_with_an_old_key_does_not_count()
    {
        Tick(0);
        Answer(0);
        Tick(1);
        Answer(1, ComponentNames.Alarms);
        // The alarms actor answers round 1 only once round 2 has begun: too late.
        Tick(2);
        _watchdog.Tell(new Pong(ComponentNames.Alarms, 1));
        Answer(2, ComponentNames.Alarms);

        var start = Tick(3);
        Assert.False(start.Health.RoundPassed);
        Assert.Equal([ComponentNames.Alarms], start.Health.Late);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void A_stalled_component_fails_after_three_missed_rounds_and_the_failure_is_logged_once()
    {
        Tick(0);
        Answer(0);
        for (long cycle = 1; cycle <= 3; cycle++)
        {
            Tick(cycle);
            Answer(cycle, ComponentNames.Interlocks);
        }

        // Rounds 1, 2 and 3 are missed; tick 4 closes round 3.
        var failed = Tick(4);
        Assert.Equal([ComponentNames.Interlocks], failed.Health.Failed);
        Assert.False(failed.Health.RoundPassed);
        var log = Assert.Single(_logged);
        Assert.Equal(LogPriority.High, log.Priority);
        var fault = Assert.IsType<FaultEntry>(log.Entry);
        Assert.Equal("watchdog", fault.Source);
        Assert.Contains(ComponentNames.Interlocks, fault.Description, StringComparison.Ordinal);
        Assert.Contains("3 consecutive", fault.Description, StringComparison.Ordinal);
        Assert.Equal(ActorTestEnvironment.Tick(4).Time, log.ProcedureTime);

        // Still silent: still failed, but not logged again. The refused reset is the next thing the log hears.
        for (long cycle = 5; cycle <= 7; cycle++)
        {
            Answer(cycle - 1, ComponentNames.Interlocks);
            var start = Tick(cycle);
            Assert.Equal([ComponentNames.Interlocks], start.Health.Failed);
            Assert.False(start.Health.RoundPassed);
        }

        Assert.Single(_logged);
        _watchdog.Tell(new ResetHealth());
        var next = _t.HazardLog.ExpectMsg<LogEvent>(TimeSpan.FromSeconds(5));
        var note = Assert.IsType<NoteEntry>(next.Entry);
        Assert.Contains("watchdog reset refused", note.Text, StringComparison.Ordinal);
        Assert.Contains(ComponentNames.Interlocks, note.Text, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-AL-016", "SRS-RT-006")]
    public void A_failure_is_told_to_the_alarms_directly_in_the_round_that_finds_it_once_and_its_end_once_after_a_reset()
    {
        Tick(0);
        Answer(0);
        for (long cycle = 1; cycle <= 3; cycle++)
        {
            Tick(cycle);
            Assert.Empty(_alarmed); // late is not failed: nothing to annunciate yet (the gate holds the heater off)
            Answer(cycle, ComponentNames.BoardBus);
        }

        // Rounds 1–3 missed: tick 4 fails the bus, and the alarms hear it from the watchdog in that same cycle, before
        // the bus is even asked to start it (the bus is the failed component here).
        Tick(4);
        var told = Assert.Single(_alarmed);
        Assert.Equal(ActorTestEnvironment.Tick(4), told.Tick);
        var condition = Assert.IsType<Core.Alarms.AlarmCondition>(told.Condition);
        Assert.Equal("SAFE-STATE", condition.ConditionId);
        Assert.Equal(Core.Alarms.AlarmPriority.High, condition.Priority);
        Assert.Contains(ComponentNames.BoardBus, condition.Message, StringComparison.Ordinal);

        // Still failed: not told again. The bus answers again, the operator resets: the end is told once.
        for (long cycle = 5; cycle <= 6; cycle++)
        {
            Answer(cycle - 1);
            Tick(cycle);
        }

        Assert.Single(_alarmed);
        Answer(6);
        _watchdog.Tell(new ResetHealth());
        Tick(7);
        Assert.Equal(2, _alarmed.Count);
        Assert.Equal(ActorTestEnvironment.Tick(7), _alarmed[1].Tick);
        Assert.Null(_alarmed[1].Condition);
        Answer(7);
        Tick(8);
        Assert.Equal(2, _alarmed.Count);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Two_missed_rounds_then_an_answer_never_fail_a_component()
    {
        Tick(0);
        Answer(0);
        for (long cycle = 1; cycle <= 9; cycle++)
        {
            var start = Tick(cycle);
            Assert.Empty(start.Health.Failed);
            // Answers only every third round: at most two consecutive misses.
            if (cycle % 3 == 0)
            {
                Answer(cycle);
            }
            else
            {
                Answer(cycle, ComponentNames.HazardLog);
            }
        }

        Assert.Empty(_logged);
        Assert.False(_t.HazardLog.HasMessages, "no failure may be logged for a component that never missed three rounds in a row");
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_failed_component_stays_failed_until_a_reset_once_it_answers_again()
    {
        Tick(0);
        Answer(0);
        for (long cycle = 1; cycle <= 3; cycle++)
        {
            Tick(cycle);
            Answer(cycle, ComponentNames.BoardBus);
        }

        Assert.Equal([ComponentNames.BoardBus], Tick(4).Health.Failed);
        Assert.Single(_logged);
        Answer(4);

        // Answering again does not unlatch the failure, nor the heartbeat.
        var answered = Tick(5);
        Assert.Equal([ComponentNames.BoardBus], answered.Health.Failed);
        Assert.False(answered.Health.RoundPassed);
        Answer(5);

        _watchdog.Tell(new ResetHealth());
        var reset = Tick(6);
        Assert.Empty(reset.Health.Failed);
        Assert.True(reset.Health.RoundPassed);
    }
}
