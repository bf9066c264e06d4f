using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Collections;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The interlock lane: the one place where a constraint is applied to the actuator command. Each cycle it judges the
/// boards' readout on its own — its own sensor validation and interlock engine, never the control lane's view of
/// them — then constrains the control lane's desired command by every active trip's response and by its own rules
/// (<see cref="GateRules"/>), in that order; no rule ever loosens what another did. A control lane that is late,
/// hung or wrong cannot get past it: a missing desired command leaves the heater off, and a protective cause holds
/// the whole command safe whatever the control lane asks.
/// Pure: state in, state out; time comes with the input. Not thread-safe (the interlock engine is a function object
/// with working fields): one owner.
/// </summary>
public sealed class SafetyGate
{
    private readonly InterlockEngine _engine;

    public SafetyGate(AlarmLimits limits)
        : this(new InterlockEngine(limits))
    {
    }

    public SafetyGate(InterlockEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        Initial = new GateState(engine.Initial, ProcedureContext.PowerOn, null, ValueList.Empty<SafetyCause>(), -1);
    }

    public InterlockEngine Engine => _engine;

    /// <summary>The gate at power-on: nothing latched, the procedure in its self-test.</summary>
    public GateState Initial { get; }

    public GateOutcome Decide(GateState state, GateInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Cycle <= state.LastCycle)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Cycle,
                $"the gate decides each cycle once and in order: cycle {input.Cycle} after cycle {state.LastCycle}");
        }

        var now = input.Now;
        var records = new List<CycleLogEntry>();
        // A desired command for another cycle is not this cycle's control output (the actor discards it; so does the gate).
        var desired = input.Desired is { } d && d.Cycle == input.Cycle ? d : null;
        var context = desired?.Context ?? state.Context;
        var crashes = LatchCrashes(desired?.ResetRequested == true ? ValueList.Empty<SafetyCause>() : state.Crashes, input.Crashes);

        var interlocks = state.Interlocks;
        InterlockEvaluation? evaluation = null;
        if (desired?.ResetRequested == true)
        {
            // Judged, like the control lane's acceptance, on the latest evaluation: the trips it reports clear next.
            var reset = _engine.ResetAll(interlocks, now);
            interlocks = reset.State;
            NoteResets(records, reset.Outcomes);
        }

        if (input.Readout is { } readout)
        {
            var engineInput = new InterlockInput(now, context.Phase, readout.Frame, readout.Feedback, readout.BoardHolds,
                context.FlowTarget, context.CircuitVolumeBaseline,
                new BusFailureCounts(readout.SensorConsecutiveFailures, readout.ActuatorConsecutiveFailures),
                context.PhaseStartedAt, state.PumpStartedAt, CommandReadBack: readout.Held is not null, readout.Heartbeat);
            var step = _engine.Evaluate(interlocks, engineInput);
            interlocks = step.State;
            evaluation = step.Evaluation;
            LogChanges(records, evaluation);
            if (desired?.ReleaseBoardLatch == true && readout.Feedback is { } feedback)
            {
                // The board released its latch after the last cycle's latch_reset: its trip is reset now that the bit is clear.
                var released = ReleaseBoardLatchTrips(interlocks, evaluation, feedback, now, records);
                if (!ReferenceEquals(released, interlocks))
                {
                    interlocks = released;
                    evaluation = evaluation with { Active = _engine.ActiveOf(interlocks) };
                }
            }
        }

        if (desired is null)
        {
            records.Add(new CycleLogEntry(LogPriority.Medium, new FaultEntry("interlocks",
                $"no control output for cycle {input.Cycle} by its deadline: heater held off, pump and clamp held")));
        }

        var activeTrips = evaluation?.Active ?? _engine.ActiveOf(interlocks);
        var held = input.Readout?.BoardHolds ?? ActuatorCommand.Safe;
        var wanted = desired?.Command ?? held.WithHeaterOff();
        var constrained = evaluation?.Constrain(wanted) ?? new ConstrainedCommand(wanted, wanted, []);
        var reasons = constrained.Reasons.Count == 0 ? null : new List<ConstraintReason>(constrained.Reasons);
        var command = constrained.Command;
        var heartbeat = input.Health.RoundPassed;
        var release = desired?.ReleaseBoardLatch == true;
        var safeStateTrip = false;
        foreach (var trip in activeTrips)
        {
            safeStateTrip |= trip.Response.HasFlag(InterlockResponse.EnterSafeState);
        }

        var facts = new GateFacts(command, input.Readout is not null, desired is not null, input.Health.RoundPassed,
            input.Health.Failed.Count, crashes.Count, evaluation?.Inflow.IsAvailable == true, safeStateTrip,
            context.IsProtective, context.Phase == Phases.Phase.EmergencyStop, release);
        foreach (var rule in GateRules.Ordered)
        {
            facts = facts with { Command = command };
            if (!rule.Applies(facts))
            {
                continue;
            }

            command = Apply(rule, command, reasons ??= []);
            heartbeat &= !rule.Action.HasFlag(GateAction.WithholdHeartbeat);
            release &= !rule.Action.HasFlag(GateAction.WithholdLatchRelease);
        }

        var pumpStartedAt = command.PumpSpeedRpm <= 0 ? (TimeSpan?)null
            : held.PumpSpeedRpm > 0 ? state.PumpStartedAt ?? now
            : now;
        var conditions = activeTrips.Count == 0 ? [] : activeTrips.Select(t => t.ToAlarmCondition()).ToList();
        var verdict = new GateVerdict(input.Cycle, command, release, heartbeat, desired is not null, activeTrips,
            (IReadOnlyList<ConstraintReason>?)reasons ?? [], crashes);
        var next = new GateState(interlocks, context, pumpStartedAt, crashes, input.Cycle);
        return new GateOutcome(next, verdict, records, conditions, evaluation);
    }

    /// <summary>
    /// A cycle already decided whose write a component crash lost: its verdict with the crash rule applied
    /// (GATE-COMPONENT-CRASHED: the safe command, no latch release), to be written again for that same cycle.
    /// </summary>
    public static GateVerdict HoldSafe(GateVerdict decided, ComponentCrashed crash)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(crash);
        var reasons = new List<ConstraintReason>(decided.Reasons);
        var command = Apply(GateRules.ComponentCrashed, decided.Command, reasons);
        return decided with { Command = command, ReleaseBoardLatch = false, Reasons = reasons, Crashes = LatchCrashes(decided.Crashes, [crash]) };
    }

    private static ValueList<SafetyCause> LatchCrashes(ValueList<SafetyCause> latched, IReadOnlyList<ComponentCrashed> crashes)
    {
        foreach (var crash in crashes)
        {
            var cause = SafetyCause.ComponentCrashed(crash.Component, crash.Exception);
            if (!latched.Any(c => c.SameSourceAs(cause)))
            {
                latched = latched.Add(cause);
            }
        }

        return latched;
    }

    private InterlockEngineState ReleaseBoardLatchTrips(InterlockEngineState interlocks, InterlockEvaluation evaluation,
        ActuatorFeedback feedback, TimeSpan now, List<CycleLogEntry> records)
    {
        foreach (var trip in evaluation.Active)
        {
            if (trip.BoardLatch != BoardStatus.None && !feedback.Has(trip.BoardLatch))
            {
                var reset = _engine.Reset(interlocks, trip.RuleId, now);
                interlocks = reset.State;
                NoteResets(records, [reset.Outcome]);
                if (reset.Outcome.Succeeded)
                {
                    // Reset after this cycle's evaluation, so the evaluation does not report it: logged here, as every clear is.
                    records.Add(new CycleLogEntry(LogPriority.Medium, new InterlockEntry(InterlockChange.Cleared, trip.RuleId,
                        trip.HazardId, $"cleared ({ClearCause.OperatorReset})")));
                }
            }
        }

        return interlocks;
    }

    private static ActuatorCommand Apply(GateRule rule, ActuatorCommand command, List<ConstraintReason> reasons)
    {
        if (rule.Action.HasFlag(GateAction.SafeCommand))
        {
            reasons.Add(new ConstraintReason(ConstraintAction.HeaterOff, rule.Id, rule.HazardId));
            reasons.Add(new ConstraintReason(ConstraintAction.PumpStop, rule.Id, rule.HazardId));
            reasons.Add(new ConstraintReason(ConstraintAction.ClampClose, rule.Id, rule.HazardId));
            return ActuatorCommand.Safe;
        }

        if (rule.Action.HasFlag(GateAction.PumpStop))
        {
            reasons.Add(new ConstraintReason(ConstraintAction.PumpStop, rule.Id, rule.HazardId));
            command = command with { PumpSpeedRpm = 0 };
        }

        if (rule.Action.HasFlag(GateAction.HeaterOff))
        {
            reasons.Add(new ConstraintReason(ConstraintAction.HeaterOff, rule.Id, rule.HazardId));
            command = command.WithHeaterOff();
        }

        return command;
    }

    private static void LogChanges(List<CycleLogEntry> records, InterlockEvaluation evaluation)
    {
        foreach (var trip in evaluation.Raised)
        {
            records.Add(new CycleLogEntry(PriorityOf(trip.Priority), new InterlockEntry(InterlockChange.Tripped, trip.RuleId, trip.HazardId,
                InterlockResponseText.Describe(trip.Response), trip.Measured.ToString())));
        }

        foreach (var cleared in evaluation.Cleared)
        {
            records.Add(new CycleLogEntry(LogPriority.Medium, new InterlockEntry(InterlockChange.Cleared, cleared.Trip.RuleId,
                cleared.Trip.HazardId, $"cleared ({cleared.Cause})")));
        }
    }

    private static void NoteResets(List<CycleLogEntry> records, IEnumerable<ResetOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            records.Add(new CycleLogEntry(LogPriority.Medium,
                new NoteEntry($"interlock {o.RuleId} reset {(o.Succeeded ? "accepted" : "refused")}: {o.Reason}")));
        }
    }

    /// <summary>An alarm priority as the hazard log's record priority.</summary>
    public static LogPriority PriorityOf(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => LogPriority.High,
        AlarmPriority.Medium => LogPriority.Medium,
        _ => LogPriority.Low,
    };
}
