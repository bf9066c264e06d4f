using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the control lane (<see cref="ProcedureStep"/>) and nothing else: on each cycle's readout it steps the lane
/// with the operator commands and technical events that arrived since the last cycle and the gate's latest verdict,
/// sends the desired command to the gate, answers the operators and logs the step's records. After a restart the
/// control law engages afresh from the command the board holds (bumpless); phase, chemo time and causes survive.
/// </summary>
internal sealed class ControlLoopActor : MonitoredActor
{
    private readonly ControlLoopPorts _ports;
    private readonly ControlLoopState _s;

    public ControlLoopActor(ControlLoopPorts ports, ControlLoopState state)
        : base(ComponentNames.ControlLoop)
    {
        _ports = ports;
        _s = state;
        Receive<Sampled>(OnSampled);
        Receive<OperatorCommand>(c => _s.Pending.Add((c.Action, Sender)));
        Receive<VerdictTaken>(v =>
        {
            if (_s.LastVerdict is null || v.Verdict.Cycle > _s.LastVerdict.Cycle)
            {
                _s.LastVerdict = v.Verdict;
            }
        });
        Receive<ComponentCrashed>(c => _s.Events.Add(c));
        Receive<LogHealthChanged>(h => _s.Events.Add(new LogStorageChanged(h.Healthy, h.Description)));
    }

    private void OnSampled(Sampled sampled)
    {
        var tick = sampled.Tick;
        if (tick.Cycle <= _s.State.LastCycle)
        {
            Log(tick, new CycleLogEntry(LogPriority.Low, new NoteEntry($"readout of cycle {tick.Cycle} reached the control loop after cycle {_s.State.LastCycle} and was discarded")));
            return;
        }

        _s.InFlight.AddRange(_s.Pending);
        _s.Pending.Clear();
        IReadOnlyList<TechnicalEvent> events = _s.Events.Count == 0 ? [] : _s.Events.ToList();
        _s.Events.Clear();
        var commands = _s.InFlight.Count == 0 ? [] : _s.InFlight.Select(p => p.Action).ToList();
        var outcome = _s.Step.Step(_s.State, new ProcedureInput(tick.Cycle, tick.Time, sampled.Readout, sampled.Health, commands, _s.LastVerdict, events));
        _s.State = outcome.State;
        if (outcome.Records.Count > 0)
        {
            Log(tick, [.. outcome.Records]);
        }

        _ports.Gate.Tell(new Desired(tick, outcome.Desired));
        if (outcome.ResetHealth)
        {
            _ports.Watchdog.Tell(new ResetHealth());
        }

        for (var i = 0; i < _s.InFlight.Count; i++)
        {
            _s.InFlight[i].ReplyTo.Tell(outcome.Replies[i]);
        }

        _s.InFlight.Clear();
    }

    protected override void PostRestart(Exception reason)
    {
        // A fresh control law: it engages bumplessly from the command the board holds.
        _s.State = _s.State with { Control = ControlLawState.Initial };
        foreach (var (action, replyTo) in _s.InFlight)
        {
            replyTo.Tell(OperatorReply.Refuse(action, $"the control loop crashed while handling the command ({reason.GetType().Name}); it was not carried out"));
        }

        _s.InFlight.Clear();
        base.PostRestart(reason);
    }

    private void Log(CycleTick tick, params CycleLogEntry[] entries) =>
        _ports.Log.Tell(new LogRecords(tick.Time, tick.WallClock, entries));
}
