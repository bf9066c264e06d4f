using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// Evaluates the ordered interlock rules once per cycle, PX4-failsafe style: a pure update(time, inputs) that keeps
/// per-rule persistence timers and latches and returns the trips with their responses. No I/O, no clock, no
/// threads: time comes in with <see cref="InterlockInput.Now"/>. Not thread-safe — one owner (the interlock actor)
/// calls it. An exception (bad input, a rule's bug) propagates; the owner must treat it as a fault → safe state.
/// </summary>
public sealed class InterlockEngine
{
    private readonly AlarmLimits _limits;
    private readonly InterlockRule[] _rules;
    private readonly TimeSpan[] _persistence;
    private readonly RuleState[] _states;
    private readonly SensorValidator _validator;
    private readonly List<ClearedTrip> _resetsSinceEvaluation = [];
    private TimeSpan? _lastNow;

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
        _states = _rules.Select(_ => new RuleState()).ToArray();
        _validator = new SensorValidator(validation);
    }

    public IReadOnlyList<InterlockRule> Rules => _rules;

    /// <summary>The active trips as of the last evaluation or reset, in rule order.</summary>
    public IReadOnlyList<InterlockTrip> Active
    {
        get
        {
            List<InterlockTrip>? active = null;
            foreach (var state in _states)
            {
                if (state.Trip is { } trip)
                {
                    (active ??= []).Add(trip);
                }
            }

            return (IReadOnlyList<InterlockTrip>?)active ?? [];
        }
    }

    public InterlockEvaluation Evaluate(InterlockInput input)
    {
        Validate(input);
        _lastNow = input.Now;
        var now = input.Now;
        var sensors = _validator.Validate(now, input.Sensors);
        var context = new InterlockContext(input, sensors, _limits);
        // Most cycles raise and clear nothing: the lists are made only when something happens.
        List<InterlockTrip>? raised = null;
        List<ClearedTrip>? cleared = _resetsSinceEvaluation.Count == 0 ? null : [.. _resetsSinceEvaluation];
        _resetsSinceEvaluation.Clear();

        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            var state = _states[i];
            var check = rule.Check(context);
            var applies = rule.AppliesTo(context);
            state.LastCheck = check;
            var effective = applies ? check.State : ConditionState.Clear;

            switch (effective)
            {
                case ConditionState.Holds:
                    state.PendingSince ??= now;
                    state.LastHolding = check.Measured;
                    break;
                case ConditionState.Clear:
                    state.PendingSince = null;
                    if (state.Trip is { } trip && rule.Clear == ClearCondition.WhenConditionClears)
                    {
                        (cleared ??= []).Add(new ClearedTrip(Updated(trip, check), now,
                            applies ? ClearCause.ConditionCleared : ClearCause.NoLongerApplicable));
                        state.Trip = null;
                    }

                    break;
                case ConditionState.Unknown:
                    // Neither clears nor restarts anything: see ConditionState.Unknown.
                    break;
            }

            if (state.Trip is null && state.PendingSince is { } since && now - since >= _persistence[i])
            {
                var measured = state.LastHolding
                    ?? throw new InvalidOperationException($"rule {rule.Id} held without a measurement");
                state.Trip = new InterlockTrip(rule.Id, rule.Title, rule.HazardId, rule.RequirementId, rule.Priority,
                    rule.Response, rule.Clear, measured, since, now, check.State, Describe(check), rule.Persistence);
                (raised ??= []).Add(state.Trip);
            }
            else if (state.Trip is { } active)
            {
                state.Trip = Updated(active, check);
            }
        }

        return new InterlockEvaluation(now, Active, (IReadOnlyList<InterlockTrip>?)raised ?? [], (IReadOnlyList<ClearedTrip>?)cleared ?? [],
            sensors, InflowSelection.Select(sensors));
    }

    /// <summary>
    /// Operator reset of one latched trip. Judged on the latest evaluation: refused while the condition holds or
    /// cannot be confirmed clear (no valid reading), and for trips that are not latched (they clear by themselves).
    /// </summary>
    public ResetOutcome Reset(string ruleId, TimeSpan now)
    {
        var index = Array.FindIndex(_rules, r => r.Id == ruleId);
        if (index < 0)
        {
            return ResetOutcome.Refused(ruleId, $"there is no interlock rule '{ruleId}'");
        }

        var rule = _rules[index];
        var state = _states[index];
        if (state.Trip is not { } trip)
        {
            return ResetOutcome.Refused(ruleId, $"{ruleId} is not active; there is nothing to reset");
        }

        if (rule.Clear != ClearCondition.OperatorReset)
        {
            return ResetOutcome.Refused(ruleId, $"{ruleId} is not latched; it clears by itself when its condition clears");
        }

        switch (state.LastCheck.State)
        {
            case ConditionState.Holds:
                return ResetOutcome.Refused(ruleId, $"{ruleId} condition still present: {state.LastCheck.Measured}");
            case ConditionState.Unknown:
                return ResetOutcome.Refused(ruleId, $"{ruleId} condition cannot be confirmed clear: {state.LastCheck.UnknownReason}");
            case ConditionState.Clear:
            default:
                state.Trip = null;
                state.PendingSince = null;
                _resetsSinceEvaluation.Add(new ClearedTrip(trip, now, ClearCause.OperatorReset));
                return ResetOutcome.Accepted(ruleId);
        }
    }

    /// <summary>Tries to reset every active latched trip; one outcome per latched trip, in rule order.</summary>
    public IReadOnlyList<ResetOutcome> ResetAll(TimeSpan now) =>
        _rules.Where((r, i) => _states[i].Trip is not null && r.Clear == ClearCondition.OperatorReset)
            .ToList()
            .Select(r => Reset(r.Id, now))
            .ToList();

    private void Validate(InterlockInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.LastCommand, nameof(input.LastCommand));
        ArgumentNullException.ThrowIfNull(input.BusFailures, nameof(input.BusFailures));
        if (_lastNow is { } last && input.Now < last)
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

    private static InterlockTrip Updated(InterlockTrip trip, RuleCheck check) =>
        trip with { Condition = check.State, Latest = Describe(check) };

    private static string Describe(RuleCheck check) =>
        check.Measured?.ToString() ?? check.UnknownReason ?? "";

    private sealed class RuleState
    {
        public TimeSpan? PendingSince { get; set; }

        public Measurement? LastHolding { get; set; }

        public InterlockTrip? Trip { get; set; }

        public RuleCheck LastCheck { get; set; } = RuleCheck.Unknown("not evaluated yet");
    }
}
