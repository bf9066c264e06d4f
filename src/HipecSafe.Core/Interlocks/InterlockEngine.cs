using System.Collections.Immutable;
using System.Runtime.InteropServices;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// Evaluates the ordered interlock rules once per cycle, PX4-failsafe style: a pure update(state, time, inputs) →
/// (verdict, state) with per-rule persistence timers and latches kept in <see cref="InterlockEngineState"/>. No I/O,
/// no clock, no threads: time comes in with <see cref="InterlockInput.Now"/>. The instance holds only configuration
/// (limits, rules, persistence times, validator settings), so the same call always gives the same answer and one
/// instance may serve any number of states. The caller owns the state and must pass each call the one the previous
/// call returned. An exception (bad input, a rule's bug) propagates and leaves the state as it was; the owner must
/// treat it as a fault → safe state.
/// </summary>
public sealed class InterlockEngine
{
    private readonly AlarmLimits _limits;
    private readonly InterlockRule[] _rules;
    private readonly TimeSpan[] _persistence;
    private readonly TimeSpan[] _clearAfter;
    private readonly SensorValidator _validator;

    /// <summary>The standard rule set (<see cref="InterlockRuleSet.Standard"/>) with the profile's limits.</summary>
    public InterlockEngine(AlarmLimits limits)
        : this(limits, InterlockRuleSet.Standard(limits))
    {
    }

    public InterlockEngine(AlarmLimits limits, IReadOnlyList<InterlockRule> rules)
        : this(limits, rules, SensorValidationLimits.For(limits))
    {
    }

    public InterlockEngine(AlarmLimits limits, IReadOnlyList<InterlockRule> rules, SensorValidationLimits validation)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(validation);
        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"rule ID {duplicate.Key} appears {duplicate.Count()} times; rule IDs must be unique", nameof(rules));
        }

        _limits = limits;
        _rules = [.. rules];
        _persistence = _rules.Select(r => DurationTicks.ToTimeSpan(r.Persistence)).ToArray();
        _clearAfter = _rules.Select(r => r.Clear == ClearCondition.WhenConditionClears ? DurationTicks.ToTimeSpan(r.ClearAfter) : TimeSpan.Zero).ToArray();
        _validator = new SensorValidator(validation);
        Initial = new InterlockEngineState(
            SensorValidator.Initial,
            [.. _rules.Select(r => new InterlockRuleState(r.Id, null, null, null, r.InitialMemory))],
            [],
            null);
    }

    public IReadOnlyList<InterlockRule> Rules => _rules;

    /// <summary>The state before the first evaluation: nothing pending, nothing active.</summary>
    public InterlockEngineState Initial { get; }

    /// <summary>The active trips of <paramref name="state"/> (as of its last evaluation or reset), in rule order.</summary>
    public IReadOnlyList<InterlockTrip> ActiveOf(InterlockEngineState state)
    {
        CheckBelongs(state);
        return Active(state.Rules);
    }

    public InterlockStep Evaluate(InterlockEngineState state, InterlockInput input)
    {
        CheckBelongs(state);
        Validate(state, input);
        var now = input.Now;
        var sensors = _validator.Validate(state.Sensors, now, input.Sensors);
        var context = new InterlockContext(input, sensors.Frame, _limits);
        // Most cycles raise and clear nothing: the lists are made only when something happens.
        List<InterlockTrip>? raised = null;
        List<ClearedTrip>? cleared = state.ResetsSinceEvaluation.IsEmpty ? null : [.. state.ResetsSinceEvaluation];
        // Copied on the first rule whose state changes; most rules' states stay the same from cycle to cycle.
        InterlockRuleState[]? changed = null;

        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            var previous = state.Rules[i];
            // Armed first: a rule with memory judges its condition on what it remembers after this evaluation.
            var arming = rule.Arm(context, previous.Memory);
            // A rule that does not apply and has no trip to carry on is not judged: its check would be thrown away.
            var check = arming.Applies || previous.Trip is not null
                ? rule.Check(context, arming.Memory, previous.Trip is not null)
                : default;
            // Made from the check only when something keeps or shows it: most cycles nothing does.
            Measurement? measured = null;
            var applies = arming.Applies;
            var pendingSince = previous.PendingSince;
            var lastHolding = previous.LastHolding;
            var trip = previous.Trip;
            var clearingSince = previous.ClearingSince;
            var effective = applies ? check.State : ConditionState.Clear;

            switch (effective)
            {
                case ConditionState.Holds:
                    pendingSince ??= now;
                    lastHolding = measured ??= check.Measured;
                    clearingSince = null;
                    break;
                case ConditionState.Clear:
                    pendingSince = null;
                    if (trip is { } ended && rule.Clear == ClearCondition.WhenConditionClears)
                    {
                        // A flag rule's clear margin in time (OI-21); a rule that no longer applies ends at once.
                        if (applies && _clearAfter[i] > TimeSpan.Zero && now - (clearingSince ??= now) < _clearAfter[i])
                        {
                            break;
                        }

                        (cleared ??= []).Add(new ClearedTrip(Updated(ended, check, ref measured), now,
                            applies ? ClearCause.ConditionCleared : ClearCause.NoLongerApplicable));
                        trip = null;
                        clearingSince = null;
                    }

                    break;
                case ConditionState.Unknown:
                    // Neither clears nor restarts anything: see ConditionState.Unknown.
                    break;
            }

            if (trip is null && pendingSince is { } since && now - since >= _persistence[i])
            {
                var holding = lastHolding
                    ?? throw new InvalidOperationException($"rule {rule.Id} held without a measurement");
                trip = new InterlockTrip(rule.Id, rule.Title, rule.HazardId, rule.RequirementId, rule.Priority,
                    rule.Response, rule.Clear, holding, since, now, check.State, Describe(check, ref measured), rule.Persistence) { BoardLatch = rule.BoardLatch };
                (raised ??= []).Add(trip);
            }
            else if (trip is { } active)
            {
                trip = Updated(active, check, ref measured);
            }

            if (!Unchanged(previous, pendingSince, lastHolding, trip, arming.Memory, clearingSince))
            {
                changed ??= [.. state.Rules];
                changed[i] = new InterlockRuleState(rule.Id, pendingSince, lastHolding, trip, arming.Memory, clearingSince);
            }
        }

        var rules = changed is null ? state.Rules : ImmutableCollectionsMarshal.AsImmutableArray(changed);
        var next = new InterlockEngineState(sensors.State, rules, [], now);
        var evaluation = new InterlockEvaluation(now, Active(rules), (IReadOnlyList<InterlockTrip>?)raised ?? [],
            (IReadOnlyList<ClearedTrip>?)cleared ?? [], sensors.Frame, InflowSelection.Select(sensors.Frame));
        return new InterlockStep(evaluation, next);
    }

    /// <summary>
    /// Operator reset of one latched trip. Judged on the state's latest evaluation, which the trip carries
    /// (<see cref="InterlockTrip.Condition"/>, <see cref="InterlockTrip.Latest"/>): refused while the condition holds
    /// or cannot be confirmed clear (no valid reading), and for trips that are not latched (they clear by themselves).
    /// The next evaluation reports an accepted reset as cleared.
    /// </summary>
    public ResetStep Reset(InterlockEngineState state, string ruleId, TimeSpan now)
    {
        CheckBelongs(state);
        var index = Array.FindIndex(_rules, r => r.Id == ruleId);
        if (index < 0)
        {
            return new ResetStep(ResetOutcome.Refused(ruleId, $"there is no interlock rule '{ruleId}'"), state);
        }

        var rule = _rules[index];
        var ruleState = state.Rules[index];
        if (ruleState.Trip is not { } trip)
        {
            return new ResetStep(ResetOutcome.Refused(ruleId, $"{ruleId} is not active; there is nothing to reset"), state);
        }

        if (rule.Clear != ClearCondition.OperatorReset)
        {
            return new ResetStep(ResetOutcome.Refused(ruleId, $"{ruleId} is not latched; it clears by itself when its condition clears"), state);
        }

        // Every evaluation leaves the trip with its verdict: Latest is the measurement while the condition holds and
        // the reason while it is unknown.
        switch (trip.Condition)
        {
            case ConditionState.Holds:
                return new ResetStep(ResetOutcome.Refused(ruleId, $"{ruleId} condition still present: {trip.Latest}"), state);
            case ConditionState.Unknown:
                return new ResetStep(ResetOutcome.Refused(ruleId, $"{ruleId} condition cannot be confirmed clear: {trip.Latest}"), state);
            case ConditionState.Clear:
            default:
                var next = new InterlockEngineState(
                    state.Sensors,
                    state.Rules.SetItem(index, ruleState with { Trip = null, PendingSince = null, ClearingSince = null }),
                    state.ResetsSinceEvaluation.Add(new ClearedTrip(trip, now, ClearCause.OperatorReset)),
                    state.LastNow);
                return new ResetStep(ResetOutcome.Accepted(ruleId), next);
        }
    }

    /// <summary>Tries to reset every active latched trip; one outcome per latched trip, in rule order.</summary>
    public ResetAllStep ResetAll(InterlockEngineState state, TimeSpan now)
    {
        CheckBelongs(state);
        var latched = _rules.Where((r, i) => state.Rules[i].Trip is not null && r.Clear == ClearCondition.OperatorReset).ToList();
        var outcomes = new List<ResetOutcome>(latched.Count);
        foreach (var rule in latched)
        {
            var step = Reset(state, rule.Id, now);
            outcomes.Add(step.Outcome);
            state = step.State;
        }

        return new ResetAllStep(outcomes, state);
    }

    private static IReadOnlyList<InterlockTrip> Active(ImmutableArray<InterlockRuleState> rules)
    {
        List<InterlockTrip>? active = null;
        foreach (var rule in rules)
        {
            if (rule.Trip is { } trip)
            {
                (active ??= []).Add(trip);
            }
        }

        return active is null ? Array.Empty<InterlockTrip>() : active;
    }

    /// <summary>A state from an engine with other rules would pair timers and latches with the wrong rules.</summary>
    private void CheckBelongs(InterlockEngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rules = state.Rules;
        if (rules.Length != _rules.Length)
        {
            throw new ArgumentException($"the state holds {rules.Length} rules, this engine has {_rules.Length}: a state from another engine?", nameof(state));
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            if (!string.Equals(rules[i].RuleId, _rules[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"the state's rule {i} is {rules[i].RuleId}, this engine's is {_rules[i].Id}: a state from another engine?", nameof(state));
            }
        }
    }

    private static void Validate(InterlockEngineState state, InterlockInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.LastCommand, nameof(input.LastCommand));
        ArgumentNullException.ThrowIfNull(input.BusFailures, nameof(input.BusFailures));
        if (state.LastNow is { } last && input.Now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Now, $"InterlockInput.Now went backwards: {input.Now} after {last}");
        }

        if (input.BusFailures.SensorBoard < 0 || input.BusFailures.ActuatorBoard < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.BusFailures,
                $"InterlockInput.BusFailures must count failures (≥ 0); got sensor {input.BusFailures.SensorBoard}, actuator {input.BusFailures.ActuatorBoard}");
        }

        if (input.PhaseStartedAt > input.Now || input.PumpStartedAt > input.Now)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Now,
                $"InterlockInput.PhaseStartedAt ({input.PhaseStartedAt}) and PumpStartedAt ({input.PumpStartedAt}) must not lie after Now ({input.Now})");
        }
    }

    /// <summary>Whether a rule's new values are the very objects it already holds (then its state object is kept).</summary>
    private static bool Unchanged(InterlockRuleState previous, TimeSpan? pendingSince, Measurement? lastHolding, InterlockTrip? trip,
        RuleMemory? memory, TimeSpan? clearingSince) =>
        previous.PendingSince == pendingSince
        && previous.ClearingSince == clearingSince
        && ReferenceEquals(previous.LastHolding, lastHolding)
        && ReferenceEquals(previous.Trip, trip)
        && ReferenceEquals(previous.Memory, memory);

    private static InterlockTrip Updated(InterlockTrip trip, in RuleCheck check, ref Measurement? measured) =>
        trip with { Condition = check.State, Latest = Describe(check, ref measured) };

    /// <summary>The check in words; <paramref name="measured"/> is the check's measurement, made here if not yet.</summary>
    private static string Describe(in RuleCheck check, ref Measurement? measured) =>
        (measured ??= check.Measured)?.ToString() ?? check.UnknownReason ?? "";
}
