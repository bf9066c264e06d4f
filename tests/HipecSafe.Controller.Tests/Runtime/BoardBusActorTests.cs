using Akka.Actor;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The board bus actor between probes, over a <see cref="ScriptedBoardPort"/>: what it writes to the board, with
/// which heartbeat, and when, for each kind of cycle start, interlock constraint and safe override.
/// </summary>
public sealed class BoardBusActorTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    private readonly ActorTestEnvironment _t;
    private readonly ScriptedBoardPort _port = new();
    private readonly IActorRef _bus;

    public BoardBusActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        var env = _t.Env;
        var state = new BoardBusState(_port);
        _bus = Sys.ActorOf(Props.Create(() => new BoardBusActor(env, state)), ComponentNames.BoardBus);
        env.BoardBus = _bus;
    }

    private CycleTick Start(long cycle, bool heartbeatAllowed, params string[] failed)
    {
        _port.Cycle = cycle;
        var tick = ActorTestEnvironment.Tick(cycle);
        _bus.Tell(new StartCycle(tick, heartbeatAllowed, failed, failed));
        var sampled = _t.Interlocks.ExpectMsg<Sampled>(Wait);
        Assert.Equal(cycle, sampled.Start.Tick.Cycle);
        return tick;
    }

    private CycleReport Write(CycleTick tick, ActuatorCommand command)
    {
        _bus.Tell(new WriteCycle(tick, command, [], ActorTestEnvironment.Report(tick, command)));
        var update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);
        Assert.Equal(tick.Cycle, update.Tick.Cycle);
        return update.Report;
    }

    private CycleReport Cycle(long cycle, bool heartbeatAllowed, ActuatorCommand command, params string[] failed) =>
        Write(Start(cycle, heartbeatAllowed, failed), command);

    [Fact]
    [Verifies("SRS-RT-007")]
    public void The_heartbeat_advances_only_in_cycles_the_watchdog_allows()
    {
        var allowed = new[] { true, true, false, false, true, false, true };
        ushort expected = 0;
        for (var cycle = 0; cycle < allowed.Length; cycle++)
        {
            var report = Cycle(cycle, allowed[cycle], Heating);
            expected = allowed[cycle] ? (ushort)(expected + 1) : expected;
            var write = Assert.Single(_port.WritesIn(cycle));
            Assert.Equal(Heating, write.Command);
            Assert.True(write.Heartbeat == expected, $"cycle {cycle}: heartbeat {write.Heartbeat}, expected {expected}");
            Assert.Equal(allowed[cycle], report.HeartbeatWritten);
            Assert.Equal(Heating, report.Command);
        }
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_failed_component_drives_the_actuators_safe_at_the_cycle_start_and_keeps_them_safe()
    {
        Cycle(0, true, Heating);
        Cycle(1, true, Heating);
        var heartbeat = _port.Writes[^1].Heartbeat;

        var tick = Start(2, heartbeatAllowed: false, ComponentNames.ControlLoop);
        // Written when the cycle started, before the sample went on to the interlocks.
        var held = Assert.Single(_port.WritesIn(2));
        Assert.Equal(ActuatorCommand.Safe, held.Command);
        Assert.Equal(heartbeat, held.Heartbeat);
        var log = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        Assert.Equal(LogPriority.High, log.Priority);
        var entry = Assert.IsType<SafeStateEntry>(log.Entry);
        Assert.Equal(SafeStateChange.Entered, entry.Change);
        Assert.Contains(ComponentNames.ControlLoop, entry.Reason, StringComparison.Ordinal);
        // The supervisor hears of it at once too, even if the failed component stops this cycle's chain.
        var told = _t.Supervisor.ExpectMsg<ComponentsFailed>(Wait);
        Assert.Equal([ComponentNames.ControlLoop], told.Start.FailedComponents);

        // The cycle's own command asks for heat: the bus writes safe anyway, without a heartbeat.
        var report = Write(tick, Heating);
        Assert.Equal(ActuatorCommand.Safe, report.Command);
        Assert.False(report.HeartbeatWritten);

        // Even a cycle the watchdog would allow stays safe: the override holds until the operator reset.
        for (var cycle = 3; cycle < 6; cycle++)
        {
            var r = Cycle(cycle, heartbeatAllowed: cycle % 2 == 0, Heating, cycle % 2 == 0 ? [] : [ComponentNames.ControlLoop]);
            Assert.Equal(ActuatorCommand.Safe, r.Command);
            Assert.False(r.HeartbeatWritten);
        }

        Assert.All(_port.Writes.Where(w => w.Cycle >= 2), w =>
        {
            Assert.Equal(ActuatorCommand.Safe, w.Command);
            Assert.Equal(heartbeat, w.Heartbeat);
        });

        // Entering the override was logged once: the next record the log hears is the write failure below.
        _port.NextWriteFailure = "scripted: no reply";
        Cycle(6, true, Heating);
        var next = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        var fault = Assert.IsType<FaultEntry>(next.Entry);
        Assert.Contains("actuator write failed", fault.Description, StringComparison.Ordinal);

        // The operator reset ends the override; the heartbeat moves again.
        _bus.Tell(new ClearSafeOverride());
        var resumed = Cycle(7, true, Heating);
        Assert.True(resumed.HeartbeatWritten);
        Assert.Equal(Heating, _port.Writes[^1].Command);
        Assert.Equal((ushort)(heartbeat + 1), _port.Writes[^1].Heartbeat);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void An_interlock_constraint_is_written_at_once_without_waiting_for_the_cycle_write()
    {
        Cycle(0, true, Heating);
        var tick = Start(1, heartbeatAllowed: true);
        var before = _port.Writes.Count;

        _bus.Tell(new ForceConstraint(tick, [new ConstraintReason(ConstraintAction.HeaterOff, "IL-INFLOW-HIGH", "HAZ-002")],
            c => c.WithHeaterOff() with { PumpSpeedRpm = 0 }));
        AwaitCondition(() => _port.Writes.Count == before + 1, Wait);
        var forced = _port.Writes[^1];
        Assert.Equal(1, forced.Cycle);
        Assert.False(forced.Command.HeaterEnabled);
        Assert.Equal(0, forced.Command.HeaterPowerPermille);
        Assert.Equal(0, forced.Command.PumpSpeedRpm);
        // Not a cycle write: the heartbeat is left for the cycle's end.
        Assert.Equal(_port.WritesIn(0).Single().Heartbeat, forced.Heartbeat);
        Assert.False(_t.Alarms.HasMessages, "the cycle has not been written yet");

        // The cycle's regular write is constrained too, and carries the heartbeat.
        var report = Write(tick, Heating);
        Assert.False(report.Command.HeaterEnabled);
        Assert.Equal(0, report.Command.PumpSpeedRpm);
        Assert.True(report.HeartbeatWritten);
        Assert.Equal(2, _port.WritesIn(1).Count);

        // The constraint belonged to that cycle's sample; the next cycle writes what it is asked.
        Cycle(2, true, Heating);
        Assert.Equal(Heating, _port.Writes[^1].Command);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_constraint_that_changes_nothing_is_not_written_twice()
    {
        Cycle(0, true, ActuatorCommand.Safe);
        var tick = Start(1, heartbeatAllowed: true);
        _bus.Tell(new ForceConstraint(tick, [], c => c.WithHeaterOff()));
        Write(tick, ActuatorCommand.Safe);
        Assert.Single(_port.WritesIn(1));
    }

    [Fact]
    [Verifies("SRS-RT-004", "SRS-RT-007")]
    public void Force_safe_writes_the_safe_command_at_once_and_stops_the_heartbeat()
    {
        Cycle(0, true, Heating);
        var heartbeat = _port.Writes[^1].Heartbeat;
        _bus.Tell(new ForceSafe("emergency stop pressed"));
        AwaitCondition(() => _port.Writes.Count == 2, Wait);
        Assert.Equal(ActuatorCommand.Safe, _port.Writes[^1].Command);
        var log = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        Assert.Equal(LogPriority.High, log.Priority);
        Assert.IsType<SafeStateEntry>(log.Entry);

        var report = Cycle(1, true, Heating);
        Assert.Equal(ActuatorCommand.Safe, report.Command);
        Assert.False(report.HeartbeatWritten);
        Assert.Equal(heartbeat, _port.Writes[^1].Heartbeat);
    }
}
