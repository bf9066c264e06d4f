using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Evaluates every sample as it arrives, on its own dispatcher, independently of the control loop. When a trip
/// constrains the actuators it tells the board bus at once (heater off, pump stop, clamp closed), then passes the
/// verdict on to the supervisor. An exception from the engine crashes this actor; the root's restart and the
/// supervisor's safe state follow, and the engine state (with its latches) survives the restart.
/// </summary>
internal sealed class InterlockActor : MonitoredActor
{
    private readonly InterlockState _s;

    public InterlockActor(ControllerEnvironment environment, InterlockState state)
        : base(ComponentNames.Interlocks, environment) => _s = state;

    protected override void Handlers()
    {
        Receive<Sampled>(OnSample);
        Receive<InterlockContextUpdate>(c => _s.Context = c);
        Receive<ResetInterlocks>(OnReset);
    }

    private void OnSample(Sampled sampled)
    {
        var tick = sampled.Start.Tick;
        var r = sampled.Readout;
        var c = _s.Context;
        var input = new InterlockInput(tick.Time, c.Phase, r.Frame, r.Feedback, c.LastCommand, c.FlowTarget,
            c.ReservoirAtPhaseStart, new BusFailureCounts(r.SensorConsecutiveFailures, r.ActuatorConsecutiveFailures),
            c.PhaseStartedAt, c.PumpStartedAt);
        var evaluation = Evaluate(input);
        LogChanges(tick, evaluation);
        if (_s.ResetOnNextSample)
        {
            _s.ResetOnNextSample = false;
            if (ResetAll(tick.Time, tick.WallClock).Any(o => o.Succeeded))
            {
                // Judge the cycle on the state after the reset, so the reset trips do not re-latch SafeState.
                evaluation = Evaluate(input);
                LogChanges(tick, evaluation);
            }
        }

        if (evaluation.CombinedResponse != InterlockResponse.None)
        {
            var constrained = evaluation.Constrain(c.LastCommand);
            Environment.BoardBus.Tell(new ForceConstraint(tick, constrained.Reasons, d => evaluation.Constrain(d).Command));
        }

        Environment.Supervisor.Tell(new Evaluated(sampled, evaluation));
    }

    private void LogChanges(CycleTick tick, InterlockEvaluation evaluation)
    {
        foreach (var trip in evaluation.Raised)
        {
            Log(tick, PriorityOf(trip.Priority), new InterlockEntry(InterlockChange.Tripped, trip.RuleId, trip.HazardId,
                InterlockResponseText.Describe(trip.Response), trip.Measured.ToString()));
        }

        foreach (var cleared in evaluation.Cleared)
        {
            Log(tick, LogPriority.Medium, new InterlockEntry(InterlockChange.Cleared, cleared.Trip.RuleId, cleared.Trip.HazardId,
                $"cleared ({cleared.Cause})"));
        }
    }

    private void OnReset(ResetInterlocks reset)
    {
        var outcomes = ResetAll(reset.Now, reset.WallClock);
        _s.ResetOnNextSample |= reset.RetryOnNextSample;
        if (reset.ReplyTo is { } replyTo)
        {
            var refused = outcomes.Where(o => !o.Succeeded).Select(o => o.Reason).ToList();
            var reply = outcomes.Count == 0
                ? new OperatorReply(OperatorAction.Reset, false, "no latched interlock to reset")
                : new OperatorReply(OperatorAction.Reset, outcomes.Any(o => o.Succeeded), refused.Count == 0 ? null : string.Join("; ", refused));
            Environment.HazardLog.Tell(new LogEvent(LogPriority.Medium, reset.Now, reset.WallClock, reply.Accepted
                ? OperatorCommandEntry.WasAccepted("Reset (interlock latches)")
                : OperatorCommandEntry.WasRefused("Reset (interlock latches)", reply.RefusalReason ?? "refused")));
            replyTo.Tell(reply);
        }
    }

    private InterlockEvaluation Evaluate(InterlockInput input)
    {
        var step = _s.Engine.Evaluate(_s.EngineState, input);
        _s.EngineState = step.State;
        return step.Evaluation;
    }

    private IReadOnlyList<ResetOutcome> ResetAll(TimeSpan now, DateTimeOffset wall)
    {
        var (outcomes, state) = _s.Engine.ResetAll(_s.EngineState, now);
        _s.EngineState = state;
        foreach (var o in outcomes)
        {
            Environment.HazardLog.Tell(new LogEvent(LogPriority.Medium, now, wall,
                new NoteEntry($"interlock {o.RuleId} reset {(o.Succeeded ? "accepted" : "refused")}: {o.Reason}")));
        }

        return outcomes;
    }

    private void Log(CycleTick tick, LogPriority priority, HazardLogEntry entry) =>
        Environment.HazardLog.Tell(new LogEvent(priority, tick.Time, tick.WallClock, entry));

    internal static LogPriority PriorityOf(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => LogPriority.High,
        AlarmPriority.Medium => LogPriority.Medium,
        _ => LogPriority.Low,
    };
}
