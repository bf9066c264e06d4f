using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Health;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the IEC 60601-1-8 alarm system: updates it with the cycle's conditions, logs every alarm event, handles the
/// operator's acknowledge and audio pause, and ends the cycle by publishing its report. The watchdog's failed-component
/// condition comes straight from the watchdog (SRS-AL-016): it is annunciated at once, published outside the cycle
/// report, and added to every cycle's conditions until the failure is reset.
/// </summary>
internal sealed class AlarmActor : MonitoredActor
{
    private readonly AlarmPorts _ports;
    private readonly AlarmActorState _state;

    public AlarmActor(AlarmPorts ports, AlarmActorState state)
        : base(ComponentNames.Alarms)
    {
        _ports = ports;
        _state = state;
        Receive<UpdateAlarms>(OnUpdate);
        Receive<ComponentFailureAlarm>(OnComponentFailure);
        Receive<OperatorCommand>(OnCommand);
    }

    private AlarmSystem Alarms => _state.Alarms;

    private void OnUpdate(UpdateAlarms update)
    {
        if (_state.LastCycle is { } last && update.Tick.Time < last.Time)
        {
            return; // a cycle overtaken by newer ones (an actor caught up after a hang): the alarm system's time only moves forward
        }

        _state.LastCycle = update.Tick;
        _state.CycleConditions = update.Conditions;
        var at = Advance(update.Tick);
        var events = Alarms.Update(Duration.FromTimeSpan(at.Time), FailedComponentAlarm.Merge(update.Conditions, _state.Watchdog));
        LogEvents(at, events);
        _ports.Listener.Tell(update.Report with { Alarms = Alarms.Annunciation });
    }

    private void OnComponentFailure(ComponentFailureAlarm failure)
    {
        // Not through the gate and the bus, which may be the very components that failed: the alarm system is updated
        // now with the last cycle's conditions and the watchdog's, and what it annunciates goes to the display at once.
        _state.Watchdog = failure.Condition;
        var at = Advance(failure.Tick);
        var events = Alarms.Update(Duration.FromTimeSpan(at.Time), FailedComponentAlarm.Merge(_state.CycleConditions, _state.Watchdog));
        LogEvents(at, events);
        _ports.Listener.Tell(new AlarmsAnnounced(at, Alarms.Annunciation));
    }

    /// <summary>The time to give the alarm system and the log: the tick's, or the newest already given if that is later.</summary>
    private CycleTick Advance(CycleTick tick)
    {
        if (_state.Now is { } now && now.Time > tick.Time)
        {
            return now;
        }

        _state.Now = tick;
        return tick;
    }

    private void OnCommand(OperatorCommand command)
    {
        if (_state.Now is not { } tick)
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
            OperatorAction.AcknowledgeAlarms => Alarms.AcknowledgeAll(now),
            OperatorAction.PauseAudio => Alarms.PauseAudio(now),
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
