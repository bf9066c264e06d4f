using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The only owner of the serial bus (one request outstanding). At the start of a cycle it reads both boards and hands
/// the readout to the gate and to the control lane; when the gate has decided, it writes the gate's command — never
/// anything else — with the heartbeat (advanced once per cycle, only when the gate permits it), and the latch release
/// if the gate allowed one. A verdict older than the last one written is not written: it is old. A verdict more than
/// one cycle behind the cycle under way is written only if no newer verdict is already queued behind it: after a hang
/// the gate's backlog collapses to its newest verdict, and on a line so slow that a cycle's reads and write take two
/// periods or more the newest verdict still reaches the board (and its report the alarms), instead of every one being
/// dropped as old. Such a late verdict never advances the heartbeat, and its command is written only if it is the safe
/// command; its report always goes on to the alarms.
/// </summary>
internal sealed class BoardBusActor : MonitoredActor
{
    private readonly BoardBusPorts _ports;
    private readonly BoardBusState _s;

    public BoardBusActor(BoardBusPorts ports, BoardBusState state)
        : base(ComponentNames.BoardBus)
    {
        _ports = ports;
        _s = state;
        Receive<StartCycle>(OnStart);
        Receive<WriteCommand>(OnWrite);
        Receive<WriteLagging>(_ => OnWriteLagging());
    }

    private void OnStart(StartCycle start)
    {
        _s.Current = start.Tick;
        _ports.Listener.Tell(new CycleStarted(start.Tick.Cycle));
        // The heartbeats written so far go with the readout: the echo read now can only be one of them (a verdict that
        // withheld the heartbeat, or was not written, left the board's value as it was).
        var readout = _s.Port.Read() with { LastWritten = _s.LastWritten, Heartbeat = _s.HeartbeatWrites };
        var sampled = new Sampled(start.Tick, start.Health, readout);
        // The gate first: it must hold the readout before any desired command for this cycle can reach it.
        _ports.Gate.Tell(sampled);
        _ports.ControlLoop.Tell(sampled);
    }

    private void OnWrite(WriteCommand write)
    {
        var tick = write.Tick;
        var under = _s.Current?.Cycle ?? tick.Cycle;
        if (tick.Cycle < _s.LastWrittenCycle)
        {
            // Old: a newer cycle's command is on the board already. The same cycle again is written: the gate re-issues
            // it held safe after a crash.
            NotWritten(tick, Math.Max(_s.LastWrittenCycle, under));
            return;
        }

        if (tick.Cycle < under - 1)
        {
            // More than a cycle behind: the gate catching up after a hang, or a line slower than two periods. Hold it
            // and look again once everything queued now has been handled; only the newest of a backlog is written.
            if (_s.Lagging is { } older)
            {
                NotWritten(older.Tick, tick.Cycle);
            }
            else
            {
                Self.Tell(WriteLagging.Instance);
            }

            _s.Lagging = write;
            return;
        }

        if (_s.Lagging is { } superseded)
        {
            _s.Lagging = null;
            NotWritten(superseded.Tick, tick.Cycle);
        }

        Write(write, lagging: false);
    }

    private void OnWriteLagging()
    {
        if (_s.Lagging is { } newest)
        {
            _s.Lagging = null;
            Write(newest, lagging: true);
        }
    }

    private void Write(WriteCommand write, bool lagging)
    {
        var tick = write.Tick;
        _s.LastWrittenCycle = tick.Cycle;
        var verdict = write.Verdict;
        if (lagging && verdict.Command != ActuatorCommand.Safe)
        {
            // Judged on a readout more than a cycle old: only the safe command may still go to the board. The report
            // goes on all the same, so the alarms and the display hear of the cycle.
            NotWritten(tick, _s.Current?.Cycle ?? tick.Cycle);
            Report(write, advance: false, LateVerdict);
            return;
        }

        // The heartbeat proves that the chain keeps pace with the cycle: a verdict more than a cycle late never carries
        // one, so a line or a chain that cannot keep up still lets the board's watchdog latch.
        var advance = verdict.HeartbeatPermitted && _s.HeartbeatCycle < tick.Cycle && !lagging;
        if (advance)
        {
            _s.Heartbeat = (ushort)(_s.Heartbeat == ushort.MaxValue ? 1 : _s.Heartbeat + 1);
            _s.HeartbeatCycle = tick.Cycle;
        }

        _s.HeartbeatSent = _s.Heartbeat;
        var failure = _s.Port.Write(verdict.Command, _s.Heartbeat);
        if (failure is null)
        {
            _s.LastWritten = verdict.Command;
            _s.HeartbeatAcknowledged = _s.Heartbeat;
            if (verdict.ReleaseBoardLatch && _s.Port.ResetLatch() is { } releaseFailure)
            {
                Log(tick, LogPriority.Medium, new FaultEntry("boardbus", $"board latch release failed: {releaseFailure}"));
            }
        }
        else
        {
            Log(tick, LogPriority.Medium, new FaultEntry("boardbus", $"actuator write failed: {failure}"));
        }

        Report(write, advance, failure);
    }

    private void Report(WriteCommand write, bool advance, string? failure)
    {
        var tick = write.Tick;
        var report = write.Report with { HeartbeatWritten = advance, WriteFailure = failure };
        // Alarm events happen now: a verdict written a cycle late updates the alarms at the cycle under way, so the
        // alarm system's time and the log's never run backwards.
        _ports.Alarms.Tell(new UpdateAlarms(_s.Current is { } now && now.Cycle > tick.Cycle ? now : tick, write.Conditions, report));
    }

    private const string LateVerdict = "not written: judged on a readout more than a cycle old";

    private void NotWritten(CycleTick tick, long after) =>
        Log(_s.Current ?? tick, LogPriority.Low, new NoteEntry($"gate verdict of cycle {tick.Cycle} arrived after cycle {after} and was not written"));

    private void Log(CycleTick tick, LogPriority priority, HazardLogEntry entry) =>
        _ports.Log.Tell(new LogEvent(priority, tick.Time, tick.WallClock, entry));

    /// <summary>Sent to itself: the messages queued behind a lagging verdict have been handled.</summary>
    private sealed class WriteLagging
    {
        public static readonly WriteLagging Instance = new();
    }
}
