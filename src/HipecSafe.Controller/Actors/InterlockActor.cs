using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the safety gate (<see cref="SafetyGate"/>) and nothing else, on a dispatcher of its own. It takes each cycle's
/// readout straight from the bus and decides the cycle once: when the control lane's desired command arrives, or at
/// the cycle's deadline without it. The decision goes to the bus as the command to write, and to the control lane as
/// the verdict it reads next cycle. Crashes reported by the root are latched in the gate's next decision.
/// </summary>
internal sealed class InterlockActor : MonitoredActor
{
    private readonly InterlockPorts _ports;
    private readonly InterlockState _s;

    public InterlockActor(InterlockPorts ports, InterlockState state)
        : base(ComponentNames.Interlocks)
    {
        _ports = ports;
        _s = state;
        Receive<Sampled>(OnSampled);
        Receive<Desired>(OnDesired);
        Receive<CycleDeadline>(OnDeadline);
        Receive<ComponentCrashed>(OnCrashed);
    }

    private void OnCrashed(ComponentCrashed crash)
    {
        _s.Crashes.Add(crash);
        if (crash.Component == ComponentNames.BoardBus && crash.LostMessage == nameof(WriteCommand)
            && _s.LastWrite is { } lost && lost.Tick.Cycle == _s.Decided)
        {
            // The bus crashed writing the cycle just decided, so that cycle's command may never have reached the board:
            // it is written again, held safe (SRS-RT-005).
            var verdict = SafetyGate.HoldSafe(lost.Verdict, crash);
            var report = lost.Report with { Command = verdict.Command, ConstraintReasons = verdict.Reasons.Select(r => r.ToString()).ToList() };
            _s.LastWrite = lost with { Verdict = verdict, Report = report };
            _ports.Bus.Tell(_s.LastWrite);
        }
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // The readout of a cycle not yet decided may be what made the gate throw: that cycle is decided without it
        // (safe: no readout, and the crash), instead of throwing again on every retry.
        if (_s.Tick is { } current && _s.Decided < current.Cycle)
        {
            _s.Readout = null;
        }

        base.PreRestart(reason, message);
    }

    private void OnSampled(Sampled sampled)
    {
        var tick = sampled.Tick;
        if (_s.Tick is { } current && current.Cycle < tick.Cycle && _s.Decided < current.Cycle)
        {
            Decide(current, null); // the previous cycle's deadline never came: decide it before moving on
        }

        if (tick.Cycle <= _s.Decided)
        {
            return;
        }

        _s.Tick = tick;
        _s.Health = sampled.Health;
        _s.Readout = sampled.Readout;
    }

    private void OnDesired(Desired desired)
    {
        if (desired.Tick.Cycle <= _s.Decided || _s.Tick?.Cycle != desired.Tick.Cycle)
        {
            var at = _s.Tick ?? desired.Tick;
            Log(at, new CycleLogEntry(LogPriority.Low, new NoteEntry($"control output of cycle {desired.Tick.Cycle} arrived late and was discarded")));
            // Its command is not written, but what the control lane reports (phase, SafeState, its alarm conditions)
            // is still the latest it has said: a control lane late every cycle must not silence the alarms.
            if (desired.Tick.Cycle > _s.LastReportCycle)
            {
                _s.LastReport = desired.Command.Report;
                _s.LastReportCycle = desired.Tick.Cycle;
            }

            return;
        }

        Decide(desired.Tick, desired.Command);
    }

    /// <summary>
    /// The deadline is the control lane's: a cycle whose readout the gate holds is decided now, without a desired
    /// command. A cycle whose readout has not come is decided only when a component crashed since the last decision
    /// (the readout may have been lost with it: the cycle is written safe); otherwise the bus is still reading (a slow
    /// reply, a retry), it cannot write before it has read, and the readout is judged when it comes, with the control
    /// lane's answer to it.
    /// </summary>
    private void OnDeadline(CycleDeadline deadline)
    {
        if (_s.Tick?.Cycle == deadline.Tick.Cycle || (deadline.Tick.Cycle > _s.Decided && _s.Crashes.Count > 0))
        {
            Decide(deadline.Tick, null);
        }
    }

    private void Decide(CycleTick tick, DesiredCommand? desired)
    {
        if (tick.Cycle <= _s.Decided)
        {
            return;
        }

        var readout = _s.Tick?.Cycle == tick.Cycle ? _s.Readout : null;
        var health = _s.Tick?.Cycle == tick.Cycle ? _s.Health : _s.Health with { RoundPassed = false };
        IReadOnlyList<ComponentCrashed> crashes = _s.Crashes.Count == 0 ? [] : _s.Crashes.ToList();
        var outcome = _s.Gate.Decide(_s.State, new GateInput(tick.Cycle, tick.Time, readout, health, desired, crashes));
        _s.State = outcome.State;
        _s.Decided = tick.Cycle;
        _s.Crashes.Clear();
        if (desired is not null)
        {
            _s.LastReport = desired.Report;
            _s.LastReportCycle = tick.Cycle;
        }

        if (outcome.Records.Count > 0)
        {
            Log(tick, [.. outcome.Records]);
        }

        var verdict = outcome.Verdict;
        _ports.ControlLoop.Tell(new VerdictTaken(verdict));
        var report = _s.LastReport;
        var conditions = outcome.Conditions.Count == 0 ? report.Conditions
            : report.Conditions.Count == 0 ? outcome.Conditions
            : [.. outcome.Conditions, .. report.Conditions];
        var cycleReport = new CycleReport(tick, readout?.Frame, readout?.Feedback, report.Phase, verdict.Command, report.InflowSetpointC,
            verdict.ActiveTrips.Count == 0 ? [] : verdict.ActiveTrips.Select(t => t.RuleId).ToList(),
            verdict.Reasons.Count == 0 ? [] : verdict.Reasons.Select(r => r.ToString()).ToList(),
            null, false, null, report.ChemoElapsed, report.LatchedCauses, report.ClockHeld);
        _s.LastWrite = new WriteCommand(tick, verdict, conditions, cycleReport);
        _ports.Bus.Tell(_s.LastWrite);
    }

    private void Log(CycleTick tick, params CycleLogEntry[] entries) =>
        _ports.Log.Tell(new LogRecords(tick.Time, tick.WallClock, entries));
}
