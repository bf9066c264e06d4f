using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the IEC 60601-1-8 alarm system: updates it with the cycle's conditions, logs every alarm event, handles the
/// operator's acknowledge and audio pause, and ends the cycle by publishing its report.
/// </summary>
internal sealed class AlarmActor : MonitoredActor
{
    private readonly AlarmPorts _ports;
    private readonly AlarmSystem _alarms;
    private CycleTick? _last;

    public AlarmActor(AlarmPorts ports, AlarmSystem alarms)
        : base(ComponentNames.Alarms)
    {
        _ports = ports;
        _alarms = alarms;
        Receive<UpdateAlarms>(OnUpdate);
        Receive<OperatorCommand>(OnCommand);
    }

    private void OnUpdate(UpdateAlarms update)
    {
        if (_last is { } last && update.Tick.Time < last.Time)
        {
            return; // a cycle overtaken by newer ones (an actor caught up after a hang): the alarm system's time only moves forward
        }

        _last = update.Tick;
        var events = _alarms.Update(Duration.FromTimeSpan(update.Tick.Time), update.Conditions);
        LogEvents(update.Tick, events);
        _ports.Listener.Tell(update.Report with { Alarms = _alarms.Annunciation });
    }

    private void OnCommand(OperatorCommand command)
    {
        if (_last is not { } tick)
        {
            const string reason = "no cycle has run yet";
            // No cycle has given a time yet; the refusal is logged all the same (SRS-RT-009), at time zero.
            _ports.Log.Tell(new LogEvent(LogPriority.Medium, TimeSpan.Zero, DateTimeOffset.UnixEpoch,
                OperatorCommandEntry.WasRefused(command.Action.ToString(), reason)));
            Sender.Tell(OperatorReply.Refuse(command.Action, reason));
            return;
        }

        var now = Duration.FromTimeSpan(tick.Time);
        var result = command.Action switch
        {
            OperatorAction.AcknowledgeAlarms => _alarms.AcknowledgeAll(now),
            OperatorAction.PauseAudio => _alarms.PauseAudio(now),
            _ => new AlarmCommandResult(false, $"{command.Action} is not an alarm command", []),
        };
        _ports.Log.Tell(new LogEvent(LogPriority.Medium, tick.Time, tick.WallClock, result.Accepted
            ? OperatorCommandEntry.WasAccepted(command.Action.ToString())
            : OperatorCommandEntry.WasRefused(command.Action.ToString(), result.RefusalReason ?? "refused")));
        LogEvents(tick, result.Events);
        Sender.Tell(new OperatorReply(command.Action, result.Accepted, result.RefusalReason));
    }

    private void LogEvents(CycleTick tick, IReadOnlyList<AlarmEvent> events)
    {
        foreach (var e in events)
        {
            _ports.Log.Tell(new LogEvent(AlarmLogMapping.PriorityOf(e), tick.Time, tick.WallClock, AlarmLogMapping.ToEntry(e)));
        }
    }
}
