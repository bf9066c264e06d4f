using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The only owner of the serial bus (one request outstanding). At the start of a cycle it reads both boards and hands
/// the readout to the gate and to the control lane; when the gate has decided, it writes the gate's command — never
/// anything else — with the heartbeat (advanced once per cycle, only when the gate permits it), and the latch release
/// if the gate allowed one. A verdict for a cycle older than the one under way is not written: it would be old.
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
    }

    private void OnStart(StartCycle start)
    {
        _s.Current = start.Tick;
        var readout = _s.Port.Read() with { LastWritten = _s.LastWritten };
        var sampled = new Sampled(start.Tick, start.Health, readout);
        // The gate first: it must hold the readout before any desired command for this cycle can reach it.
        _ports.Gate.Tell(sampled);
        _ports.ControlLoop.Tell(sampled);
    }

    private void OnWrite(WriteCommand write)
    {
        var tick = write.Tick;
        if (_s.Current is { } current && tick.Cycle < current.Cycle)
        {
            Log(current, LogPriority.Low, new NoteEntry($"gate verdict of cycle {tick.Cycle} arrived after cycle {current.Cycle} had started and was not written"));
            return;
        }

        var verdict = write.Verdict;
        var advance = verdict.HeartbeatPermitted && _s.HeartbeatCycle != tick.Cycle;
        if (advance)
        {
            _s.Heartbeat = (ushort)(_s.Heartbeat == ushort.MaxValue ? 1 : _s.Heartbeat + 1);
            _s.HeartbeatCycle = tick.Cycle;
        }

        var failure = _s.Port.Write(verdict.Command, _s.Heartbeat);
        if (failure is null)
        {
            _s.LastWritten = verdict.Command;
            if (verdict.ReleaseBoardLatch && _s.Port.ResetLatch() is { } releaseFailure)
            {
                Log(tick, LogPriority.Medium, new FaultEntry("boardbus", $"board latch release failed: {releaseFailure}"));
            }
        }
        else
        {
            Log(tick, LogPriority.Medium, new FaultEntry("boardbus", $"actuator write failed: {failure}"));
        }

        var report = write.Report with { HeartbeatWritten = advance, WriteFailure = failure };
        _ports.Alarms.Tell(new UpdateAlarms(tick, write.Conditions, report));
    }

    private void Log(CycleTick tick, LogPriority priority, HazardLogEntry entry) =>
        _ports.Log.Tell(new LogEvent(priority, tick.Time, tick.WallClock, entry));
}
