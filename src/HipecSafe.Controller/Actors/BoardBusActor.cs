using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The only owner of the serial bus (one request outstanding). Reads both boards at the start of a cycle, writes
/// the actuator command and heartbeat at its end, and applies interlock constraints and safe overrides at once,
/// without waiting for the rest of the cycle. The heartbeat advances only when the watchdog allows it, so a hung
/// controller stops it and the board's own watchdog latches the actuators safe.
/// </summary>
internal sealed class BoardBusActor : MonitoredActor
{
    private readonly BoardBusState _s;

    public BoardBusActor(ControllerEnvironment environment, BoardBusState state)
        : base(ComponentNames.BoardBus, environment) => _s = state;

    protected override void Handlers()
    {
        Receive<StartCycle>(OnStart);
        Receive<ForceConstraint>(OnConstraint);
        Receive<WriteCycle>(OnWrite);
        Receive<ForceSafe>(f => HoldSafe(f.Reason));
        Receive<ClearSafeOverride>(_ => OnClearOverride());
    }

    private void OnStart(StartCycle start)
    {
        _s.Current = start;
        _s.CycleConstraint = null;
        if (start.FailedComponents.Count > 0)
        {
            HoldSafe("watchdog: " + string.Join(", ", start.FailedComponents) + " not answering");
            Environment.Supervisor.Tell(new ComponentsFailed(start));
        }

        var readout = _s.Port.Read();
        _s.LastFeedback = readout.Feedback ?? _s.LastFeedback;
        Environment.Interlocks.Tell(new Sampled(start, readout));
    }

    private void OnConstraint(ForceConstraint force)
    {
        _s.CycleConstraint = force.Constrain;
        var constrained = force.Constrain(_s.LastWritten);
        if (constrained != _s.LastWritten)
        {
            // Interlocks act on the actuators now, not at the end of the cycle.
            WriteNow(force.Tick, constrained, advanceHeartbeat: false);
        }
    }

    private void OnWrite(WriteCycle write)
    {
        var command = write.Command;
        if (_s.SafeOverride is not null)
        {
            command = ActuatorCommand.Safe;
        }
        else if (_s.CycleConstraint is { } constrain)
        {
            command = constrain(command);
        }

        var allowed = _s.Current is { } start && start.Tick.Cycle == write.Tick.Cycle && start.HeartbeatAllowed && _s.SafeOverride is null;
        string? failure = null;
        if (_s.LastWrittenCycle != write.Tick.Cycle)
        {
            failure = WriteNow(write.Tick, command, advanceHeartbeat: allowed);
            _s.LastWrittenCycle = write.Tick.Cycle;
        }

        var report = write.Report with { Command = _s.LastWritten, HeartbeatWritten = allowed, WriteFailure = failure };
        Environment.Alarms.Tell(new UpdateAlarms(write.Tick, write.Conditions, report));
    }

    private string? WriteNow(CycleTick tick, ActuatorCommand command, bool advanceHeartbeat)
    {
        if (advanceHeartbeat)
        {
            _s.Heartbeat = (ushort)(_s.Heartbeat == ushort.MaxValue ? 1 : _s.Heartbeat + 1);
        }

        var failure = _s.Port.Write(command, _s.Heartbeat);
        if (failure is null)
        {
            _s.LastWritten = command;
        }
        else
        {
            Environment.HazardLog.Tell(new LogEvent(LogPriority.Medium, tick.Time, tick.WallClock,
                new FaultEntry("boardbus", $"actuator write failed: {failure}")));
        }

        return failure;
    }

    private void HoldSafe(string reason)
    {
        var first = _s.SafeOverride is null;
        _s.SafeOverride ??= reason;
        if (_s.Current is { } start)
        {
            if (first)
            {
                Environment.HazardLog.Tell(new LogEvent(LogPriority.High, start.Tick.Time, start.Tick.WallClock,
                    new SafeStateEntry(SafeStateChange.Entered, $"actuators held safe by the bus: {reason}")));
            }

            WriteNow(start.Tick, ActuatorCommand.Safe, advanceHeartbeat: false);
        }
        else
        {
            _s.Port.Write(ActuatorCommand.Safe, _s.Heartbeat);
            _s.LastWritten = ActuatorCommand.Safe;
        }
    }

    private void OnClearOverride()
    {
        _s.SafeOverride = null;
        if (_s.LastFeedback is { } fb && (fb.Has(BoardStatus.SafeLatchedByWatchdog) || fb.Has(BoardStatus.LimiterTripped)))
        {
            // heater_enable is 0 here (safe command written), which the board requires before it honours the reset.
            _s.Port.Write(ActuatorCommand.Safe, _s.Heartbeat);
            if (_s.Port.ResetLatch() is { } failure && _s.Current is { } start)
            {
                Environment.HazardLog.Tell(new LogEvent(LogPriority.Medium, start.Tick.Time, start.Tick.WallClock,
                    new FaultEntry("boardbus", $"board latch reset failed: {failure}")));
            }
        }
    }
}
