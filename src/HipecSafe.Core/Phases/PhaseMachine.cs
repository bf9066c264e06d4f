using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using Stateless;
using Stateless.Reflection;
using R = HipecSafe.Core.Phases.PhaseRequirements;

namespace HipecSafe.Core.Phases;

/// <summary>
/// The procedure's phase machine (Stateless). Every transition is declared through <see cref="Permit"/> and friends,
/// which attach a requirement ID, so the trace check can prove that no transition exists without one.
/// Not thread-safe by design (Stateless is not): one owner, time and guard inputs passed in with every call.
/// </summary>
public sealed class PhaseMachine
{
    /// <summary>Phases an operator may pause; also the phases a fault or stop may resume into.</summary>
    public static IReadOnlyList<Phase> PausablePhases { get; } =
        [Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining];

    /// <summary>Controller events <see cref="Advance"/> tries each cycle, in this order.</summary>
    private static readonly PhaseTrigger[] AutomaticTriggers =
        [PhaseTrigger.PrimingComplete, PhaseTrigger.TargetTemperatureReached, PhaseTrigger.ChemoTimeElapsed,
         PhaseTrigger.WashoutComplete, PhaseTrigger.DrainComplete];

    private readonly TreatmentProfile _profile;
    private readonly Action<PhaseTransition>? _observer;
    private readonly Dictionary<(Phase, PhaseTrigger), string> _requirements = [];
    private readonly Dictionary<(Phase, PhaseTrigger), Func<string?>> _guardDetails = [];
    private readonly Dictionary<Phase, Duration> _elapsed = [];
    private readonly List<PhaseTransition> _taken = [];
    private readonly List<string> _latchedCauses = [];
    private StateMachine<Phase, PhaseTrigger> _machine;
    private Phase _phase;
    private Phase _resumePhase = Phase.Standby;
    private bool _leakCheckConfirmed;
    private TimeSpan _now;
    private TimeSpan? _lastTick;
    private PhaseInputs _inputs = PhaseInputs.None;
    private string? _detail;

    // Guards are tried every cycle but their refusal text is read only when a refusal is reported: while this is
    // false a failing guard answers Unmet instead of formatting its reason.
    private const string Unmet = "guard not met";
    private bool _describeGuards = true;

    /// <param name="observer">Called for every transition taken; an exception from it is handled as a machine fault.</param>
    public PhaseMachine(TreatmentProfile profile, Action<PhaseTransition>? observer = null, Phase initial = Phase.PowerOnSelfTest)
    {
        _profile = profile;
        _observer = observer;
        _phase = initial;
        _machine = Build();
    }

    public Phase Current => _phase;

    /// <summary>The phase <see cref="PhaseTrigger.Resume"/> returns to.</summary>
    public Phase ResumePhase => _resumePhase;

    public bool LeakCheckConfirmed => _leakCheckConfirmed;

    /// <summary>Causes that put the machine in SafeState since it was last reset (for display and the log).</summary>
    public IReadOnlyList<string> LatchedCauses => _latchedCauses;

    /// <summary>Chemotherapy perfusion time so far; kept across pauses and safe-state episodes (SRS-PH-008).</summary>
    public Duration ChemoElapsed => ElapsedIn(Phase.ChemoPerfusion);

    public Duration ChemoRemaining => Duration.Max(Duration.Zero, _profile.ChemoDuration - ChemoElapsed);

    public Duration ElapsedIn(Phase phase) => _elapsed.GetValueOrDefault(phase);

    /// <summary>Stateless' own description of the machine (states, transitions, guard descriptions).</summary>
    public StateMachineInfo GetInfo() => _machine.GetInfo();

    /// <summary>The requirement attached to (state, trigger); null when none was declared (an orphan).</summary>
    public string? RequirementFor(Phase from, PhaseTrigger trigger) => _requirements.GetValueOrDefault((from, trigger));

    public IReadOnlyDictionary<(Phase From, PhaseTrigger Trigger), string> Requirements => _requirements;

    /// <summary>Triggers that are configured in the current phase, whether or not their guards hold now.</summary>
    public IEnumerable<PhaseTrigger> ConfiguredTriggers(Phase phase) =>
        _requirements.Keys.Where(k => k.Item1 == phase).Select(k => k.Item2).Order();

    /// <summary>Accumulates time spent in the current phase. Call it every cycle with monotonic procedure time.</summary>
    public void Tick(TimeSpan now)
    {
        if (_lastTick is { } last && now > last)
        {
            _elapsed[_phase] = ElapsedIn(_phase) + Duration.FromTimeSpan(now - last);
        }

        if (_lastTick is null || now > _lastTick)
        {
            _lastTick = now;
        }
    }

    /// <summary>Fires the controller events whose guards hold now (phase completion, temperature reached, timers).</summary>
    public IReadOnlyList<PhaseTransition> Advance(TimeSpan now, PhaseInputs inputs)
    {
        Tick(now);
        List<PhaseTransition>? taken = null;
        foreach (var trigger in AutomaticTriggers)
        {
            if (_requirements.ContainsKey((_phase, trigger)) && GuardFailure(_phase, trigger, inputs, describe: false) is null)
            {
                var result = Fire(trigger, now, inputs);
                if (result.Transition is { } t)
                {
                    (taken ??= []).Add(t);
                }
            }
        }

        return (IReadOnlyList<PhaseTransition>?)taken ?? [];
    }

    /// <summary>Reports a fault: enters SafeState (latched), or records the extra cause if already latched.</summary>
    public FireResult Fault(TimeSpan now, string cause, PhaseInputs? inputs = null) =>
        Fire(PhaseTrigger.Fault, now, inputs ?? PhaseInputs.None, cause);

    /// <summary>
    /// Asks for a transition. Triggers not configured in the current phase, or whose guards fail, are refused with
    /// a reason naming the phase, the trigger and each unmet condition (SRS-PH-018); nothing is silently dropped.
    /// </summary>
    public FireResult Fire(PhaseTrigger trigger, TimeSpan now, PhaseInputs inputs, string? detail = null)
    {
        Tick(now);
        var from = _phase;
        if (!_requirements.ContainsKey((from, trigger)))
        {
            var accepted = string.Join(", ", ConfiguredTriggers(from));
            return FireResult.Refused($"{trigger} is not accepted in phase {from} (accepted here: {accepted})");
        }

        if (GuardFailure(from, trigger, inputs) is { } failure)
        {
            return FireResult.Refused($"{trigger} refused in phase {from}: {failure}");
        }

        _now = now;
        _inputs = inputs;
        _detail = detail;
        _taken.Clear();
        try
        {
            _machine.Fire(trigger);
        }
#pragma warning disable CA1031 // Any exception inside the machine is a fault of the machine: it must end in SafeState.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RecoverFromMachineException(from, trigger, ex);
        }

        return _taken.Count > 0
            ? FireResult.Taken(_taken[^1])
            : FireResult.Refused($"{trigger} in phase {from} produced no transition");
    }

    /// <summary>
    /// Stateless leaves queued triggers behind after an exception in an action, so the machine is rebuilt and
    /// forced into SafeState (design notes; SRS-PH-019).
    /// </summary>
    private FireResult RecoverFromMachineException(Phase from, PhaseTrigger trigger, Exception ex)
    {
        _machine = Build();
        var cause = $"phase machine exception during {trigger} in {from}: {ex.GetType().Name}: {ex.Message}";
        if (_phase != Phase.SafeState)
        {
            if (from is not Phase.Paused and not Phase.SafeState and not Phase.EmergencyStop)
            {
                _resumePhase = from;
            }

            _phase = Phase.SafeState;
        }

        _latchedCauses.Add(cause);
        var transition = new PhaseTransition(_now, from, Phase.SafeState, PhaseTrigger.Fault, R.MachineExceptionIsFault, cause);
        return FireResult.Taken(transition);
    }

    private string? GuardFailure(Phase from, PhaseTrigger trigger, PhaseInputs inputs, bool describe = true)
    {
        if (!_guardDetails.TryGetValue((from, trigger), out var detail))
        {
            return null;
        }

        var saved = _inputs;
        _inputs = inputs;
        try
        {
            return describe ? detail() : Quietly(detail);
        }
        finally
        {
            _inputs = saved;
        }
    }

    /// <summary>Whether the guard holds, without formatting why not.</summary>
    private string? Quietly(Func<string?> guard)
    {
        var saved = _describeGuards;
        _describeGuards = false;
        try
        {
            return guard();
        }
        finally
        {
            _describeGuards = saved;
        }
    }

    private StateMachine<Phase, PhaseTrigger> Build()
    {
        _requirements.Clear();
        _guardDetails.Clear();
        var m = new StateMachine<Phase, PhaseTrigger>(() => _phase, s => _phase = s, FiringMode.Queued);
        m.OnTransitioned(OnTransitioned);

        Permit(m, Phase.PowerOnSelfTest, PhaseTrigger.SelfTestPassed, Phase.Standby, R.SelfTestPass);
        Permit(m, Phase.PowerOnSelfTest, PhaseTrigger.SelfTestFailed, Phase.SafeState, R.SelfTestFail);
        Permit(m, Phase.Standby, PhaseTrigger.StartPriming, Phase.Priming, R.StartPriming);
        Permit(m, Phase.Priming, PhaseTrigger.PrimingComplete, Phase.Heating, R.PrimingToHeating,
            "air-free circulation for at least the profile's priming time", CircuitPrimed);
        Permit(m, Phase.Heating, PhaseTrigger.TargetTemperatureReached, Phase.ReadyForChemo, R.HeatingToReady,
            "all abdominal probes valid and at or above the drug-addition minimum", AllProbesWarm);
        Internal(m, Phase.ReadyForChemo, PhaseTrigger.ConfirmLeakCheck, R.LeakCheckConfirmation, () => _leakCheckConfirmed = true);
        Permit(m, Phase.ReadyForChemo, PhaseTrigger.AddDrug, Phase.ChemoPerfusion, R.DrugAddition,
            "all abdominal probes ≥ drug-addition minimum and leak check confirmed", DrugMayBeAdded);
        Permit(m, Phase.ChemoPerfusion, PhaseTrigger.ChemoTimeElapsed, Phase.Washout, R.ChemoTimeKept,
            "chemo time (kept across pauses) has reached the profile's duration", ElapsedGuard(Phase.ChemoPerfusion, _profile.ChemoDuration));
        Permit(m, Phase.ChemoPerfusion, PhaseTrigger.EndChemoEarly, Phase.Washout, R.EndChemoEarly);
        Permit(m, Phase.Washout, PhaseTrigger.WashoutComplete, Phase.Draining, R.WashoutToDraining,
            "washout time has reached the profile's duration", ElapsedGuard(Phase.Washout, _profile.WashoutDuration));
        Permit(m, Phase.Draining, PhaseTrigger.DrainComplete, Phase.Complete, R.DrainingToComplete,
            "draining time has reached the profile's duration", ElapsedGuard(Phase.Draining, _profile.DrainingDuration));
        m.Configure(Phase.ReadyForChemo).OnExit(() => _leakCheckConfirmed = false);

        foreach (var phase in PausablePhases)
        {
            Permit(m, phase, PhaseTrigger.Pause, Phase.Paused, R.Pause);
        }

        var resumeTargets = new DynamicStateInfos();
        foreach (var phase in Enum.GetValues<Phase>().Where(p => p is not Phase.Paused and not Phase.SafeState and not Phase.EmergencyStop))
        {
            resumeTargets.Add(phase, $"paused or faulted in {phase}");
        }

        const string resumeGuard = "no fault cause is active";
        _requirements[(Phase.Paused, PhaseTrigger.Resume)] = R.Resume;
        _guardDetails[(Phase.Paused, PhaseTrigger.Resume)] = NoActiveCause;
        m.Configure(Phase.Paused).PermitDynamicIf(PhaseTrigger.Resume, () => _resumePhase,
            () => NoActiveCause() is null, resumeGuard, resumeTargets);

        foreach (var phase in Enum.GetValues<Phase>().Where(p => p is not Phase.SafeState and not Phase.EmergencyStop))
        {
            Permit(m, phase, PhaseTrigger.Fault, Phase.SafeState, R.FaultToSafeState);
        }

        Internal(m, Phase.SafeState, PhaseTrigger.Fault, R.FaultWhileLatched, () => { });
        Permit(m, Phase.SafeState, PhaseTrigger.OperatorReset, Phase.Paused, R.SafeStateReset, "every fault cause has cleared", NoActiveCause);
        foreach (var phase in Enum.GetValues<Phase>().Where(p => p is not Phase.EmergencyStop))
        {
            Permit(m, phase, PhaseTrigger.EmergencyStopPressed, Phase.EmergencyStop, R.EmergencyStop);
        }

        Permit(m, Phase.EmergencyStop, PhaseTrigger.EmergencyStopReleased, Phase.SafeState, R.EmergencyStopRelease);
        m.OnUnhandledTrigger((state, trigger) =>
            throw new InvalidOperationException($"unhandled {trigger} in {state} passed the pre-check"));
        return m;
    }

    private void Permit(StateMachine<Phase, PhaseTrigger> m, Phase from, PhaseTrigger trigger, Phase to, string requirementId,
        string? guardDescription = null, Func<string?>? guardDetail = null)
    {
        _requirements.Add((from, trigger), requirementId);
        if (guardDetail is null)
        {
            m.Configure(from).Permit(trigger, to);
            return;
        }

        _guardDetails.Add((from, trigger), guardDetail);
        m.Configure(from).PermitIf(trigger, to, () => Quietly(guardDetail) is null, guardDescription);
    }

    private void Internal(StateMachine<Phase, PhaseTrigger> m, Phase state, PhaseTrigger trigger, string requirementId, Action action)
    {
        _requirements.Add((state, trigger), requirementId);
        m.Configure(state).InternalTransition(trigger, t =>
        {
            action();
            if (trigger == PhaseTrigger.Fault && _detail is not null)
            {
                _latchedCauses.Add(_detail);
            }

            Record(new PhaseTransition(_now, state, state, trigger, requirementId, _detail));
        });
    }

    private void OnTransitioned(StateMachine<Phase, PhaseTrigger>.Transition t)
    {
        if (t.Source == t.Destination)
        {
            return; // internal transitions record themselves
        }

        if (t.Destination == Phase.Paused && t.Source != Phase.SafeState)
        {
            _resumePhase = t.Source;
        }
        else if (t.Destination is Phase.SafeState or Phase.EmergencyStop
                 && t.Source is not Phase.Paused and not Phase.SafeState and not Phase.EmergencyStop)
        {
            _resumePhase = t.Source;
        }

        if (t.Destination == Phase.SafeState && t.Trigger is PhaseTrigger.Fault or PhaseTrigger.SelfTestFailed)
        {
            _latchedCauses.Add(_detail ?? t.Trigger.ToString());
        }
        else if (t.Source == Phase.SafeState && t.Trigger == PhaseTrigger.OperatorReset)
        {
            _latchedCauses.Clear();
        }

        // A phase entered on its forward path starts its clock; re-entered by Resume it keeps it (chemo time kept).
        if (t.Trigger != PhaseTrigger.Resume)
        {
            _elapsed[t.Destination] = Duration.Zero;
        }

        Record(new PhaseTransition(_now, t.Source, t.Destination, t.Trigger, _requirements[(t.Source, t.Trigger)], _detail));
    }

    private void Record(PhaseTransition transition)
    {
        _taken.Add(transition);
        _observer?.Invoke(transition);
    }

    private Func<string?> ElapsedGuard(Phase phase, Duration required) => () => ElapsedIn(phase) >= required
        ? null
        : !_describeGuards ? Unmet : $"{phase} time {DurationText.Format(ElapsedIn(phase))} has not reached {DurationText.Format(required)}";

    private string? CircuitPrimed() => _inputs.CircuitPrimedFor >= _profile.PrimingMinimum
        ? null
        : !_describeGuards ? Unmet : $"circuit air-free for {DurationText.Format(_inputs.CircuitPrimedFor)}, needs {DurationText.Format(_profile.PrimingMinimum)}";

    private string? AllProbesWarm()
    {
        var probes = _inputs.AbdominalProbes;
        if (probes.Count < Sensors.SensorFrame.AbdominalProbeCount)
        {
            return $"only {probes.Count} of {Sensors.SensorFrame.AbdominalProbeCount} abdominal probe readings supplied";
        }

        if (!_describeGuards)
        {
            for (var i = 0; i < probes.Count; i++)
            {
                if (probes[i] is not { } warm || warm < _profile.DrugAdditionMinimum)
                {
                    return Unmet;
                }
            }

            return null;
        }

        var problems = new List<string>();
        for (var i = 0; i < probes.Count; i++)
        {
            if (probes[i] is not { } t)
            {
                problems.Add($"abdominal probe {i + 1} is invalid");
            }
            else if (t < _profile.DrugAdditionMinimum)
            {
                problems.Add($"abdominal probe {i + 1} at {t} is below {_profile.DrugAdditionMinimum}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private string? DrugMayBeAdded()
    {
        var problems = new List<string>();
        if (AllProbesWarm() is { } cold)
        {
            problems.Add(cold);
        }

        if (!_leakCheckConfirmed)
        {
            problems.Add("the operator has not confirmed the leak check");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private string? NoActiveCause() => _inputs.ActiveLatchedCauses.Count == 0
        ? null
        : "fault cause still active: " + string.Join(", ", _inputs.ActiveLatchedCauses);
}
