using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The board bus actor between probes, over a <see cref="ScriptedBoardPort"/>: what it reads and hands on at the
/// start of a cycle, and what it writes to the board — with which heartbeat, and when — for each gate verdict.
/// </summary>
public sealed class BoardBusActorTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    private readonly ActorTestEnvironment _t;
    private readonly ScriptedBoardPort _port = new();
    private readonly BoardBusState _state;
    private readonly IActorRef _bus;

    public BoardBusActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        var ports = _t.BoardBusPorts();
        var state = _state = new BoardBusState(_port);
        _bus = Sys.ActorOf(Props.Create(() => new BoardBusActor(ports, state)), ComponentNames.BoardBus);
    }

    /// <summary>The heartbeats the last readout handed to the gate carried.</summary>
    private HeartbeatWrites? LastSampled { get; set; }

    private CycleTick Start(long cycle)
    {
        _port.Cycle = cycle;
        var tick = ActorTestEnvironment.Tick(cycle);
        _bus.Tell(new StartCycle(tick, HealthStatus.AllAnswered));
        var sampled = _t.Interlocks.ExpectMsg<Sampled>(Wait);
        LastSampled = sampled.Readout.Heartbeat;
        Assert.Equal(cycle, sampled.Tick.Cycle);
        Assert.Equal(cycle, _t.ControlLoop.ExpectMsg<Sampled>(Wait).Tick.Cycle);
        return tick;
    }

    private CycleReport Write(CycleTick tick, GateVerdict verdict)
    {
        _bus.Tell(new WriteCommand(tick, verdict, [], ActorTestEnvironment.Report(tick, verdict.Command)));
        var update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);
        Assert.Equal(tick.Cycle, update.Tick.Cycle);
        return update.Report;
    }

    private CycleReport Cycle(long cycle, ActuatorCommand command, bool heartbeat = true, bool release = false) =>
        Write(Start(cycle), ActorTestEnvironment.Verdict(cycle, command, heartbeat, release));

    [Fact]
    [Verifies("SRS-RT-007")]
    public void The_heartbeat_advances_only_in_cycles_the_gate_permits_it()
    {
        var permitted = new[] { true, true, false, false, true, false, true };
        ushort expected = 0;
        for (var cycle = 0; cycle < permitted.Length; cycle++)
        {
            var report = Cycle(cycle, ActuatorCommand.Safe, permitted[cycle]);
            expected = permitted[cycle] ? (ushort)(expected + 1) : expected;
            var write = Assert.Single(_port.WritesIn(cycle));
            Assert.True(write.Heartbeat == expected, $"cycle {cycle}: heartbeat {write.Heartbeat}, expected {expected}");
            Assert.Equal(permitted[cycle], report.HeartbeatWritten);
        }
    }

    [Fact]
    [Verifies("SRS-RT-007")]
    public void The_heartbeat_advances_at_most_once_per_cycle_however_often_the_cycle_is_written()
    {
        var tick = Start(0);
        Write(tick, ActorTestEnvironment.Verdict(0, ActuatorCommand.Safe));
        var again = Write(tick, ActorTestEnvironment.Verdict(0, ActuatorCommand.Safe));

        Assert.False(again.HeartbeatWritten);
        Assert.Equal([(ushort)1, (ushort)1], _port.WritesIn(0).Select(w => w.Heartbeat));
    }

    [Fact]
    [Verifies("SRS-RT-007")]
    public void The_heartbeat_wraps_from_65535_to_1()
    {
        _state.Heartbeat = ushort.MaxValue;
        Cycle(0, ActuatorCommand.Safe);
        Assert.Equal((ushort)1, Assert.Single(_port.Writes).Heartbeat);
    }

    [Fact]
    [Verifies("SRS-GT-013")]
    public void The_bus_writes_exactly_the_gate_s_command_never_anything_of_its_own()
    {
        var commands = new[] { Heating, ActuatorCommand.Safe, Heating.WithHeaterOff(), Heating with { PumpSpeedRpm = 0 }, Heating };
        for (var cycle = 0; cycle < commands.Length; cycle++)
        {
            _port.SafeLatched = false;
            var report = Cycle(cycle, commands[cycle]);
            Assert.Equal(commands[cycle], Assert.Single(_port.WritesIn(cycle)).Command);
            Assert.Equal(commands[cycle], report.Command);
        }

        Assert.Equal(commands.Length, _port.Writes.Count);
        Assert.Equal(0, _port.LatchResets);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_cycle_start_reads_the_boards_once_and_hands_the_readout_to_the_gate_before_the_control_lane()
    {
        // The gate must hold the readout before the control lane's desired command for the cycle can reach it.
        var chain = CreateTestProbe("gate-and-control");
        var ports = new BoardBusPorts(Relayed("gate", chain), Relayed("control", chain),
            Connected("bus→alarms", _t.Alarms), Connected("bus→log", _t.HazardLog), Connected("bus→listener", _t.Listener));
        var port = new ScriptedBoardPort();
        var bus = Sys.ActorOf(Props.Create(() => new BoardBusActor(ports, new BoardBusState(port))).WithDispatcher(CallingThreadDispatcher.Id), "bus-ordered");

        bus.Tell(new StartCycle(ActorTestEnvironment.Tick(0), HealthStatus.AllAnswered));
        var first = chain.ExpectMsg<Tagged>(Wait);
        var second = chain.ExpectMsg<Tagged>(Wait);

        Assert.Equal(["gate", "control"], new[] { first.Connection, second.Connection });
        var sampled = Assert.IsType<Sampled>(first.Message);
        Assert.Same(sampled, second.Message);
        Assert.Equal(1, port.Reads);
        Assert.NotNull(sampled.Readout.Frame);
        Assert.NotNull(sampled.Readout.Feedback);
        // The board is in its power-on safe hold and nothing was written yet: the read-back says safe.
        Assert.Equal(ActuatorCommand.Safe, sampled.Readout.BoardHolds);
        Assert.Null(sampled.Readout.LastWritten);
        Assert.True(sampled.Readout.Feedback!.Has(BoardStatus.SafeLatchedByWatchdog));
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void The_readout_carries_the_last_command_the_bus_got_through_for_when_the_read_back_fails()
    {
        _port.SafeLatched = false;
        Cycle(0, Heating);
        _port.HeldReadFails = true;
        _port.Cycle = 1;
        _bus.Tell(new StartCycle(ActorTestEnvironment.Tick(1), HealthStatus.AllAnswered));
        var sampled = _t.Interlocks.ExpectMsg<Sampled>(Wait);

        Assert.Null(sampled.Readout.Held);
        Assert.Equal(Heating, sampled.Readout.LastWritten);
        Assert.Equal(Heating, sampled.Readout.BoardHolds);
    }

    [Fact]
    [Verifies("SRS-IL-067")]
    public void The_readout_carries_the_heartbeats_written_before_it_not_those_the_gate_meant()
    {
        var first = Start(0);
        Assert.Null(LastSampled); // nothing written before the first read
        Write(first, ActorTestEnvironment.Verdict(0, ActuatorCommand.Safe));
        Cycle(1, ActuatorCommand.Safe, heartbeat: false);
        Start(2);
        Assert.Equal(new HeartbeatWrites(1, 1), LastSampled);

        // A write whose reply is lost: sent, not acknowledged; the next read may find either value on the board.
        _port.NextWriteFailure = "scripted: no reply";
        Write(ActorTestEnvironment.Tick(2), ActorTestEnvironment.Verdict(2, ActuatorCommand.Safe));
        Start(3);

        Assert.Equal(new HeartbeatWrites(1, 2), LastSampled);
        Assert.Equal((ushort)1, _port.Heartbeat);
    }

    [Fact]
    [Verifies("SRS-PH-021", "SRS-GT-012")]
    public void The_latch_release_is_written_after_the_command_only_when_the_gate_allows_it()
    {
        Cycle(0, ActuatorCommand.Safe, release: false);
        Assert.Equal(0, _port.LatchResets);
        Assert.True(_port.SafeLatched);

        Cycle(1, ActuatorCommand.Safe, release: true);
        Assert.Equal(1, _port.LatchResets);
        // Written after the command with its changed heartbeat: the board's release conditions held (docs/icd.md §7.4).
        Assert.False(_port.SafeLatched);
        Assert.Equal([1L], _port.Releases);
    }

    [Fact]
    [Verifies("SRS-RT-003", "SRS-GT-007")]
    public void On_a_slow_line_a_cycle_s_verdict_that_comes_after_the_next_cycle_s_read_is_still_written()
    {
        var slow = Start(0);
        Start(1);

        _bus.Tell(new WriteCommand(slow, ActorTestEnvironment.Verdict(0, Heating), [], ActorTestEnvironment.Report(slow, Heating)));

        var update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);
        Assert.Equal([Heating], _port.Writes.Select(w => w.Command));
        Assert.Equal(0, update.Report.Tick.Cycle);
        // The alarms are updated at the cycle under way: their time never runs backwards.
        Assert.Equal(1, update.Tick.Cycle);
    }

    [Fact]
    [Verifies("SRS-RT-003", "SRS-GT-007")]
    public void On_a_line_two_periods_slow_the_newest_verdict_is_reported_and_written_only_if_safe()
    {
        // A dead line with one retry at 30 ms needs ≈ 260 ms for a cycle's reads and write: the verdict of cycle 0
        // comes while cycle 2 is under way. Nothing newer has come, so its report must reach the alarms; its command was
        // judged on a readout 200 ms old, so only the safe command still goes to the board, and never a heartbeat.
        var slow = Start(0);
        Start(1);
        Start(2);

        _bus.Tell(new WriteCommand(slow, ActorTestEnvironment.Verdict(0, Heating), [], ActorTestEnvironment.Report(slow, Heating)));

        var update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);
        Assert.Empty(_port.Writes);
        Assert.Equal(0, update.Report.Tick.Cycle);
        Assert.Equal(2, update.Tick.Cycle);
        Assert.NotNull(update.Report.WriteFailure);
        Assert.False(update.Report.HeartbeatWritten);

        var safe = Start(3);
        Start(4);
        Start(5);
        _bus.Tell(new WriteCommand(safe, ActorTestEnvironment.Verdict(3, ActuatorCommand.Safe), [], ActorTestEnvironment.Report(safe, ActuatorCommand.Safe)));

        update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);
        Assert.Equal([ActuatorCommand.Safe], _port.Writes.Select(w => w.Command));
        Assert.Null(update.Report.WriteFailure);
        Assert.False(update.Report.HeartbeatWritten);
        Assert.Equal((ushort)0, _port.Heartbeat);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_backlog_of_verdicts_behind_the_cycle_under_way_collapses_to_its_newest()
    {
        var ticks = new[] { Start(0), Start(1), Start(2) };
        var commands = new[] { Heating, Heating.WithHeaterOff(), ActuatorCommand.Safe };

        // The gate catching up after a hang: its three verdicts queue behind cycle 5's read.
        using var hold = new SemaphoreSlim(0);
        _port.HoldReads = hold;
        _port.Cycle = 5;
        _bus.Tell(new StartCycle(ActorTestEnvironment.Tick(5), HealthStatus.AllAnswered));
        for (var i = 0; i < ticks.Length; i++)
        {
            _bus.Tell(new WriteCommand(ticks[i], ActorTestEnvironment.Verdict(i, commands[i]), [], ActorTestEnvironment.Report(ticks[i], commands[i])));
        }

        hold.Release();
        _t.Interlocks.ExpectMsg<Sampled>(Wait);
        var update = _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);

        Assert.Equal(2, update.Report.Tick.Cycle);
        Assert.Equal([ActuatorCommand.Safe], _port.Writes.Select(w => w.Command));
        var notes = new[] { _t.HazardLog.ExpectMsg<LogEvent>(Wait), _t.HazardLog.ExpectMsg<LogEvent>(Wait) }
            .Select(e => Assert.IsType<NoteEntry>(e.Entry).Text).ToList();
        Assert.Contains(notes, n => n.StartsWith("gate verdict of cycle 0 ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("gate verdict of cycle 1 ", StringComparison.Ordinal));
        _t.Alarms.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_verdict_older_than_the_last_one_written_is_not_written_and_is_noted()
    {
        var old = Start(0);
        var newer = Start(1);
        _bus.Tell(new WriteCommand(newer, ActorTestEnvironment.Verdict(1, ActuatorCommand.Safe), [], ActorTestEnvironment.Report(newer, ActuatorCommand.Safe)));
        _t.Alarms.ExpectMsg<UpdateAlarms>(Wait);

        _bus.Tell(new WriteCommand(old, ActorTestEnvironment.Verdict(0, Heating), [], ActorTestEnvironment.Report(old, Heating)));

        var log = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        var note = Assert.IsType<NoteEntry>(log.Entry);
        Assert.Contains("gate verdict of cycle 0", note.Text, StringComparison.Ordinal);
        // Noted at the time of the cycle under way, so the log's time never runs backwards.
        Assert.Equal(ActorTestEnvironment.Tick(1).Time, log.ProcedureTime);
        Assert.Equal([ActuatorCommand.Safe], _port.Writes.Select(w => w.Command));
        _t.Alarms.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void The_bus_tells_the_listener_when_it_begins_a_cycle_s_reads()
    {
        Start(0);

        Assert.Equal(0, _t.Listener.FishForMessage<CycleStarted>(_ => true, Wait).Cycle);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_failed_write_is_logged_and_reported_and_the_cycle_still_goes_on_to_the_alarms()
    {
        _port.NextWriteFailure = "scripted: no reply";
        var report = Cycle(0, ActuatorCommand.Safe);

        Assert.Equal("scripted: no reply", report.WriteFailure);
        Assert.Empty(_port.Writes);
        var log = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        var fault = Assert.IsType<FaultEntry>(log.Entry);
        Assert.Contains("actuator write failed", fault.Description, StringComparison.Ordinal);
    }

    private OutputPort Relayed(string name, Akka.TestKit.TestProbe probe)
    {
        var relay = Sys.ActorOf(Props.Create(() => new TaggingRelay(name, probe.Ref)).WithDispatcher(CallingThreadDispatcher.Id), $"relay-{name}");
        var port = new OutputPort(name);
        port.Connect(relay);
        return port;
    }

    private static OutputPort Connected(string name, Akka.TestKit.TestProbe probe)
    {
        var port = new OutputPort(name);
        port.Connect(probe.Ref);
        return port;
    }
}
