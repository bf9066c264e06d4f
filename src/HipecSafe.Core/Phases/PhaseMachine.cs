using HipecSafe.Core.Collections;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using Stateless;
using Stateless.Reflection;
using R = HipecSafe.Core.Phases.PhaseRequirements;

namespace HipecSafe.Core.Phases;

/// <summary>
/// The procedure's phase machine (Stateless), as a pure function of its state: every call takes a
/// <see cref="PhaseState"/> and returns the next one, with time and guard inputs passed in. Every transition is
/// declared through <see cref="Permit"/> and friends, which attach a requirement ID, so the trace check can prove
/// that no transition exists without one. The Stateless machine is built once, over externally stored state (its
/// state-accessor constructor): a call loads the given state into the working fields, fires, and hands the result
/// out again, so nothing survives from one call to the next. Not thread-safe (Stateless is not): one owner.
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
    private readonly List<PhaseTransition> _taken = [];
    private StateMachine<Phase, PhaseTrigger> _machine;

    // The working copy of the state during one call (loaded from the caller's PhaseState, handed back in a new one).
    private Phase _phase;
    private Phase _resumePhase;
    private bool _leakCheckConfirmed;
    private Phase? _interruptedIn;
    private bool _washoutExchangeConfirmed;
    private readonly Duration[] _elapsed = new Duration[Enum.GetValues<Phase>().Length];
    private bool _elapsedChanged;
    private ValueList<Duration> _elapsedIn = ValueList.Empty<Duration>();
    private ValueList<SafetyCause> _latchedCauses = ValueList.Empty<SafetyCause>();
    private Phase? _heldClock;
    private SafetyCause? _cause;
    private TimeSpan? _lastTick;

    // Scratch of the trigger being fired.
    private TimeSpan _now;
    private PhaseInputs _inputs = PhaseInputs.None;
    private string? _detail;

    // Guards are tried every cycle but their refusal text is read only when a refusal is reported: while this is
    // false a failing guard answers Unmet instead of formatting its reason.
    private const string Unmet = "guard not met";
    private bool _describeGuards = true;

    /// <param name="observer">Called for every transition taken; an exception from it is handled as a machine fault.</param>
    public PhaseMachine(TreatmentProfile profile, Action<PhaseTransition>? observer = null)
    {
        _profile = profile;
        _observer = observer;
        _machine = Build();
    }

    /// <summary>The state at power-on (PowerOnSelfTest).</summary>
    public static PhaseState Initial { get; } = PhaseState.At(Phase.PowerOnSelfTest);

    /// <summary>Chemo time still to run in <paramref name="state"/>.</summary>
    public Duration ChemoRemaining(PhaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Duration.Max(Duration.Zero, _profile.ChemoDuration - state.ChemoElapsed);
    }

    /// <summary>Stateless' own description of the machine (states, transitions, guard descriptions).</summary>
    public StateMachineInfo GetInfo() => _machine.GetInfo();

    /// <summary>The requirement attached to (state, trigger); null when none was declared (an orphan).</summary>
    public string? RequirementFor(Phase from, PhaseTrigger trigger) => _requirements.GetValueOrDefault((from, trigger));

    public IReadOnlyDictionary<(Phase From, PhaseTrigger Trigger), string> Requirements => _requirements;

    /// <summary>Triggers that are configured in the current phase, whether or not their guards hold now.</summary>
    public IEnumerable<PhaseTrigger> ConfiguredTriggers(Phase phase) =>
        _requirements.Keys.Where(k => k.Item1 == phase).Select(k => k.Item2).Order();

    /// <summary>Accumulates time spent in the current phase up to <paramref name="now"/> (monotonic procedure time).</summary>
    public PhaseState Tick(PhaseState state, TimeSpan now)
    {
        Load(state);
        TickWorking(now);
        return Save(state);
    }

    /// <summary>
    /// Holds the clock of <paramref name="phase"/> (null: releases any hold) for the stretch since the last tick up to
    /// <paramref name="now"/>, and on until the next call: the caller judges from the cycle it has just read whether that
    /// cycle counts (SRS-PH-022). A hold of a phase other than the current one has no effect while that phase is not
    /// current.
    /// </summary>
    public PhaseState HoldClock(PhaseState state, TimeSpan now, Phase? phase)
    {
        Load(state);
        _heldClock = phase;
        TickWorking(now);
        return Save(state);
    }

    private void TickWorking(TimeSpan now)
    {
        if (_lastTick is { } last && now > last && _heldClock != _phase && (_phase != Phase.Washout || _washoutExchangeConfirmed))
        {
            _elapsed[(int)_phase] += Duration.FromTimeSpan(now - last);
            _elapsedChanged = true;
        }

        if (_lastTick is null || now > _lastTick)
        {
            _lastTick = now;
        }
    }

    /// <summary>Fires the controller events whose guards hold now (phase completion, temperature reached, timers).</summary>
    public PhaseAdvance Advance(PhaseState state, TimeSpan now, PhaseInputs inputs)
    {
        Load(state);
        TickWorking(now);
        List<PhaseTransition>? taken = null;
        foreach (var trigger in AutomaticTriggers)
        {
            if (_requirements.ContainsKey((_phase, trigger)) && GuardFailure(_phase, trigger, inputs, describe: false) is null)
            {
                if (FireWorking(trigger, now, inputs, null).Transition is { } t)
                {
                    (taken ??= []).Add(t);
                }
            }
        }

        return new PhaseAdvance(Save(state), (IReadOnlyList<PhaseTransition>?)taken ?? []);
    }

    /// <summary>
    /// Why <paramref name="trigger"/> would be refused in <paramref name="state"/> with <paramref name="inputs"/>, in the
    /// words a refusal gives (SRS-PH-018); null when it would be taken. Changes nothing.
    /// </summary>
    public string? WhyNot(PhaseState state, PhaseTrigger trigger, PhaseInputs inputs)
    {
        Load(state);
        var from = _phase;
        if (!_requirements.ContainsKey((from, trigger)))
        {
            return $"{trigger} is not accepted in phase {from} (accepted here: {string.Join(", ", ConfiguredTriggers(from))})";
        }

        return GuardFailure(from, trigger, inputs) is { } failure ? $"{trigger} refused in phase {from}: {failure}" : null;
    }

    /// <summary>Reports a fault: enters SafeState (latched), or records the extra cause if already latched.</summary>
    public PhaseStep Fault(PhaseState state, TimeSpan now, SafetyCause cause, PhaseInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(cause);
        Load(state);
        _cause = cause;
        var result = FireWorking(PhaseTrigger.Fault, now, inputs ?? PhaseInputs.None, cause.ToString());
        return new PhaseStep(Save(state), result);
    }

    /// <summary>
    /// Asks for a transition. Triggers not configured in the current phase, or whose guards fail, are refused with
    /// a reason naming the phase, the trigger and each unmet condition (SRS-PH-018); nothing is silently dropped.
    /// </summary>
    public PhaseStep Fire(PhaseState state, PhaseTrigger trigger, TimeSpan now, PhaseInputs inputs, string? detail = null)
    {
        Load(state);
        var result = FireWorking(trigger, now, inputs, detail);
        return new PhaseStep(Save(state), result);
    }

    private FireResult FireWorking(PhaseTrigger trigger, TimeSpan now, PhaseInputs inputs, string? detail)
    {
        TickWorking(now);
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

    private void Load(PhaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _phase = state.Current;
        _resumePhase = state.ResumePhase;
        _leakCheckConfirmed = state.LeakCheckConfirmed;
        _interruptedIn = state.InterruptedIn;
        _washoutExchangeConfirmed = state.WashoutExchangeConfirmed;
        _elapsedIn = state.Elapsed;
        for (var i = 0; i < _elapsed.Length; i++)
        {
            _elapsed[i] = state.Elapsed[i];
        }

        _elapsedChanged = false;
        _latchedCauses = state.LatchedCauses;
        _heldClock = state.HeldClock;
        _lastTick = state.LastTick;
        _inputs = PhaseInputs.None;
        _detail = null;
        _cause = null;
    }

    private PhaseState Save(PhaseState before)
    {
        var elapsed = _elapsedChanged ? ValueList.From(_elapsed) : _elapsedIn;
        if (_phase == before.Current && _resumePhase == before.ResumePhase && _leakCheckConfirmed == before.LeakCheckConfirmed
            && _interruptedIn == before.InterruptedIn && _washoutExchangeConfirmed == before.WashoutExchangeConfirmed
            && ReferenceEquals(elapsed, before.Elapsed) && ReferenceEquals(_latchedCauses, before.LatchedCauses)
            && _heldClock == before.HeldClock && _lastTick == before.LastTick)
        {
            return before;
        }

        return new PhaseState
        {
            Current = _phase,
            ResumePhase = _resumePhase,
            LeakCheckConfirmed = _leakCheckConfirmed,
            InterruptedIn = _interruptedIn,
            WashoutExchangeConfirmed = _washoutExchangeConfirmed,
            Elapsed = elapsed,
            LatchedCauses = _latchedCauses,
            HeldClock = _heldClock,
            LastTick = _lastTick,
        };
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

        _latchedCauses = _latchedCauses.Add(SafetyCause.MachineException(cause));
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

        Permit(m, Phase.PowerOnSelfTest, PhaseTrigger.SelfTestPassed, Phase.Standby, R.SelfTestPass,
            "no interrupted procedure to resume", NoInterruptedProcedure);
        Permit(m, Phase.PowerOnSelfTest, PhaseTrigger.SelfTestPassedProcedureInterrupted, Phase.Interrupted, R.SelfTestPassedIntoInterrupted,
            "the previous run left a procedure unfinished", ProcedureInterrupted);
        Permit(m, Phase.PowerOnSelfTest, PhaseTrigger.SelfTestFailed, Phase.SafeState, R.SelfTestFail);
        Permit(m, Phase.Standby, PhaseTrigger.StartPriming, Phase.Priming, R.StartPriming);
        Permit(m, Phase.Priming, PhaseTrigger.PrimingComplete, Phase.Heating, R.PrimingToHeating,
            "air-free circulation for at least the profile's priming time, the air detector having reported the priming air (SRS-PH-026), "
            + "and its functional check not failing (IL-AIR-DETECTOR-UNTESTED inactive, SRS-PH-025)", PrimingDone);
        Permit(m, Phase.Heating, PhaseTrigger.TargetTemperatureReached, Phase.ReadyForChemo, R.HeatingToReady,
            "every abdominal probe valid and above the drug-addition minimum + 0.1 K probe accuracy", AllProbesWarm);
        Internal(m, Phase.ReadyForChemo, PhaseTrigger.ConfirmLeakCheck, R.LeakCheckConfirmation, () => _leakCheckConfirmed = true,
            "the reservoir has held within the profile's leak-check volume for its leak-check time at target flow", ReservoirHeldSteady);
        Permit(m, Phase.ReadyForChemo, PhaseTrigger.AddDrug, Phase.ChemoPerfusion, R.DrugAddition,
            "every abdominal probe valid and above the drug-addition minimum + 0.1 K probe accuracy, and the leak check confirmed", DrugMayBeAdded);
        Permit(m, Phase.ChemoPerfusion, PhaseTrigger.ChemoTimeElapsed, Phase.Washout, R.ChemoTimeKept,
            "chemo time (held while not perfusing in the band, kept across pauses) has reached the profile's duration",
            ElapsedGuard(Phase.ChemoPerfusion, _profile.ChemoDuration));
        Permit(m, Phase.ChemoPerfusion, PhaseTrigger.EndChemoEarly, Phase.Washout, R.EndChemoEarly);
        Internal(m, Phase.Washout, PhaseTrigger.ConfirmWashoutExchange, R.WashoutExchange, () => _washoutExchangeConfirmed = true,
            $"not yet confirmed; the reservoir fell at least {SalineExchangeCheck.DrainShownBy} below the circuit-volume baseline since Washout began (drained) and is back "
            + "within the leak-check volume of it (refilled)",
            ExchangeShown);
        var washoutTime = ElapsedGuard(Phase.Washout, _profile.WashoutDuration);
        Permit(m, Phase.Washout, PhaseTrigger.WashoutComplete, Phase.Draining, R.WashoutToDraining,
            "saline exchange confirmed and washout time since then has reached the profile's duration",
            () => _washoutExchangeConfirmed ? washoutTime() : !_describeGuards ? Unmet : "the saline exchange has not been confirmed (ConfirmWashoutExchange)");
        Permit(m, Phase.Draining, PhaseTrigger.DrainComplete, Phase.Complete, R.DrainingToComplete,
            "draining time has reached the profile's duration", ElapsedGuard(Phase.Draining, _profile.DrainingDuration));
        m.Configure(Phase.ReadyForChemo).OnExit(() => _leakCheckConfirmed = false);

        foreach (var phase in PausablePhases)
        {
            Permit(m, phase, PhaseTrigger.Pause, Phase.Paused, R.Pause);
        }

        // After a restart: continue where the procedure stopped (its clocks as persisted), or into SafeState when causes
        // were latched then; never back to the start (no re-priming, no second drug addition).
        var interruptedTargets = new DynamicStateInfos();
        foreach (var phase in ResumablePhases.Append(Phase.SafeState))
        {
            interruptedTargets.Add(phase, $"interrupted in {phase}");
        }

        const string resumeInterruptedGuard = "no fault cause is active (unless causes were latched: then into SafeState)";
        _requirements[(Phase.Interrupted, PhaseTrigger.ResumeInterrupted)] = R.ResumeInterrupted;
        _guardDetails[(Phase.Interrupted, PhaseTrigger.ResumeInterrupted)] = InterruptedMayResume;
        m.Configure(Phase.Interrupted).PermitDynamicIf(PhaseTrigger.ResumeInterrupted, InterruptedTarget,
            () => Quietly(InterruptedMayResume) is null, resumeInterruptedGuard, interruptedTargets);
        Permit(m, Phase.Interrupted, PhaseTrigger.EndChemoEarly, Phase.Washout, R.EndInterruptedChemoEarly,
            "interrupted in ChemoPerfusion, no cause latched, no fault cause active", InterruptedChemoMayEnd);
        m.Configure(Phase.Interrupted).OnExit(t =>
        {
            // The hold is left once; wherever the procedure goes protective from here, Resume later returns to the
            // phase that was interrupted, never to the hold.
            if (t.Destination is Phase.SafeState or Phase.EmergencyStop or Phase.Paused && _interruptedIn is { } was)
            {
                _resumePhase = was;
            }

            _interruptedIn = null;
        });

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

    private void Internal(StateMachine<Phase, PhaseTrigger> m, Phase state, PhaseTrigger trigger, string requirementId, Action action,
        string? guardDescription = null, Func<string?>? guardDetail = null)
    {
        _requirements.Add((state, trigger), requirementId);
        void Take(StateMachine<Phase, PhaseTrigger>.Transition t)
        {
            action();
            if (trigger == PhaseTrigger.Fault && _detail is not null)
            {
                _latchedCauses = _latchedCauses.Add(LatchedCause(trigger));
            }

            Record(new PhaseTransition(_now, state, state, trigger, requirementId, _detail));
        }

        if (guardDetail is null)
        {
            m.Configure(state).InternalTransition(trigger, Take);
            return;
        }

        _guardDetails.Add((state, trigger), guardDetail);
        m.Configure(state).InternalTransitionIf(trigger, _ => Quietly(guardDetail) is null, Take, guardDescription);
    }

    private void OnTransitioned(StateMachine<Phase, PhaseTrigger>.Transition t)
    {
        if (t.Source == t.Destination)
        {
            return; // internal transitions record themselves
        }

        if (t.Source == Phase.Interrupted)
        {
            // _resumePhase was set on leaving the hold (see Build).
        }
        else if (t.Destination == Phase.Paused && t.Source != Phase.SafeState)
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
            _latchedCauses = _latchedCauses.Add(LatchedCause(t.Trigger));
        }
        else if (t.Source == Phase.SafeState && t.Trigger == PhaseTrigger.OperatorReset)
        {
            _latchedCauses = ValueList.Empty<SafetyCause>();
        }

        // A phase entered on its forward path starts its clock; re-entered by Resume (after a pause, a fault or a restart)
        // it keeps it (chemo time kept).
        if (t.Trigger is not PhaseTrigger.Resume and not PhaseTrigger.ResumeInterrupted && _elapsed[(int)t.Destination] != Duration.Zero)
        {
            _elapsed[(int)t.Destination] = Duration.Zero;
            _elapsedChanged = true;
        }

        // Washout entered on its forward path waits for its own saline exchange; re-entered by Resume or after a restart
        // it keeps the confirmation it had (a restart restores it from the checkpoint).
        if (t.Trigger is not PhaseTrigger.Resume and not PhaseTrigger.ResumeInterrupted && t.Destination == Phase.Washout)
        {
            _washoutExchangeConfirmed = false;
        }

        Record(new PhaseTransition(_now, t.Source, t.Destination, t.Trigger, _requirements[(t.Source, t.Trigger)], _detail));
    }

    /// <summary>The cause a latching transition records: the one reported with the fault, or the failed self-test's reason.</summary>
    private SafetyCause LatchedCause(PhaseTrigger trigger) => _cause
        ?? (trigger == PhaseTrigger.SelfTestFailed ? SafetyCause.SelfTestFailed(_detail ?? trigger.ToString()) : SafetyCause.Other(_detail ?? trigger.ToString()));

    private void Record(PhaseTransition transition)
    {
        _taken.Add(transition);
        _observer?.Invoke(transition);
    }

    /// <summary>
    /// Phase clocks are sums of cycle periods in floating point (a chemo clock resumed after a restart starts from a
    /// persisted value, too), so 18,000 cycles of 100 ms may add up to a hair under 30 min: a clock within this of its
    /// target has reached it, rather than running one more cycle.
    /// </summary>
    private static readonly Duration ClockRounding = Duration.FromMilliseconds(0.001);

    private Func<string?> ElapsedGuard(Phase phase, Duration required) => () => _elapsed[(int)phase] >= required - ClockRounding
        ? null
        : !_describeGuards ? Unmet : $"{phase} time {DurationText.Format(_elapsed[(int)phase])} has not reached {DurationText.Format(required)}";

    /// <summary>
    /// Priming ends after air-free circulation for the priming time (SRS-PH-004), but only once the air detector has
    /// reported the priming air (SRS-PH-026) and not while it has failed its functional check (SRS-PH-025): "air-free" is
    /// the detector's word, and a detector stuck at "no air" would let the circuit count as primed and leave IL-AIR blind
    /// for the whole procedure. The check's alarm needs 20 s of pumping and the profile's priming time may be shorter, so
    /// the air itself is what Priming waits for.
    /// </summary>
    private string? PrimingDone()
    {
        var primed = CircuitPrimed();
        if (!_inputs.AirDetectorUntested && _inputs.PrimingAirSeen)
        {
            return primed;
        }

        if (!_describeGuards)
        {
            return Unmet;
        }

        const string untested = "the air detector has not reported the priming air (IL-AIR-DETECTOR-UNTESTED, SRS-PH-025): it may be stuck at "
                                + "'no air', so the circuit cannot be shown air-free; check the detector and that the set was primed from dry";
        const string unseen = "the air detector has not yet reported the priming air (SRS-PH-026); a set primed from dry passes its air over "
                              + "the detector — check the detector and the set";
        var why = _inputs.AirDetectorUntested ? untested : unseen;
        return primed is null ? why : $"{primed}; {why}";
    }

    private string? CircuitPrimed() => _inputs.CircuitPrimedFor >= _profile.PrimingMinimum
        ? null
        : !_describeGuards ? Unmet : $"circuit air-free for {DurationText.Format(_inputs.CircuitPrimedFor)}, needs {DurationText.Format(_profile.PrimingMinimum)}";

    /// <summary>
    /// The clinical figure says the abdominal fluid must exceed the minimum; a probe reads within its accuracy of the
    /// truth, so only a reading above minimum + accuracy proves the fluid there exceeds the minimum (SRS-PH-005/007).
    /// </summary>
    private Temperature DrugTemperatureFloor => _profile.DrugAdditionMinimum + Sensors.MeasurementAccuracy.TemperatureProbe;

    private string? AllProbesWarm()
    {
        var probes = _inputs.AbdominalProbes;
        if (probes.Count < Sensors.SensorFrame.AbdominalProbeCount)
        {
            return $"only {probes.Count} of {Sensors.SensorFrame.AbdominalProbeCount} abdominal probe readings supplied";
        }

        var floor = DrugTemperatureFloor;
        if (!_describeGuards)
        {
            for (var i = 0; i < probes.Count; i++)
            {
                if (probes[i] is not { } warm || !(warm > floor))
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
            else if (!(t > floor))
            {
                problems.Add($"abdominal probe {i + 1} at {t} is not above {floor} (drug-addition minimum {_profile.DrugAdditionMinimum} + {Sensors.MeasurementAccuracy.TemperatureProbe} probe accuracy)");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>
    /// The leak check (SRS-PH-006): the reservoir has held within the profile's leak-check volume of one reading for
    /// its leak-check time while circulating at target flow; a refusal says what was measured.
    /// </summary>
    private string? ReservoirHeldSteady()
    {
        var required = _profile.LeakCheck;
        var seen = _inputs.LeakCheck;
        if (seen.SteadyFor >= required.SteadyFor)
        {
            return null;
        }

        if (!_describeGuards)
        {
            return Unmet;
        }

        if (seen.Reference is not { } start)
        {
            return $"no leak check under way: {seen.Interruption ?? "the circuit is not circulating at the target flow"}";
        }

        var restarted = seen.Interruption is { } why ? $"; the check began again when {why}" : "";
        return $"the reservoir has held within ±{required.SteadyWithin} of {start} for {DurationText.Format(seen.SteadyFor)} "
               + $"of the {DurationText.Format(required.SteadyFor)} required at target flow ({seen.Latest} now{restarted})";
    }

    /// <summary>
    /// The saline exchange is confirmed once (SRS-PH-023), and only when the reservoir shows it: since Washout began it
    /// fell at least <see cref="SalineExchangeCheck.DrainShownBy"/> below the circuit-volume baseline (perfusate drained)
    /// and it is now back within the leak-check volume of that baseline, either way (the circuit refilled).
    /// </summary>
    private string? ExchangeShown()
    {
        if (_washoutExchangeConfirmed)
        {
            return !_describeGuards ? Unmet : "the saline exchange is already confirmed";
        }

        var tolerance = _profile.LeakCheck.SteadyWithin;
        if (_inputs.CircuitVolumeBaseline is not { } baseline)
        {
            return !_describeGuards ? Unmet : "no circuit-volume baseline to check the exchange against";
        }

        if (_inputs.Reservoir is not { } now)
        {
            return !_describeGuards ? Unmet : "the reservoir reading is not valid";
        }

        var dip = _inputs.ExchangeLowest is { } lowest ? baseline - lowest : Volume.Zero;
        if (dip < SalineExchangeCheck.DrainShownBy)
        {
            return !_describeGuards
                ? Unmet
                : $"the reservoir has fallen at most {(dip > Volume.Zero ? dip : Volume.Zero)} below the circuit-volume baseline {baseline} since "
                  + $"Washout began, less than the {SalineExchangeCheck.DrainShownBy} that shows perfusate drained: no exchange seen";
        }

        var off = (now - baseline).Milliliters;
        if (Math.Abs(off) <= tolerance.Milliliters)
        {
            return null;
        }

        return !_describeGuards
            ? Unmet
            : $"the reservoir holds {now}, {Volume.FromMilliliters(Math.Abs(off))} {(off < 0 ? "below" : "above")} the circuit-volume baseline "
              + $"{baseline} (±{tolerance} allowed): the circuit is not refilled";
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

    /// <summary>The phases a procedure can be interrupted in and resumed into after a restart.</summary>
    public static IReadOnlyList<Phase> ResumablePhases { get; } =
        [Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining];

    /// <summary>
    /// A machine restarted in the middle of a procedure: at power-on (the self-test runs as after any power-on), with
    /// the interrupted phase, its clocks, whether the washout's saline exchange was confirmed and the latched causes
    /// taken over from the previous run. The leak check is never taken over: a procedure interrupted in ReadyForChemo
    /// confirms it again on the reservoir's evidence after the restart (SRS-RS-008).
    /// </summary>
    public static PhaseState Restarted(Phase interruptedIn, ValueList<Duration> elapsed, ValueList<SafetyCause> latchedCauses,
        bool washoutExchangeConfirmed)
    {
        if (!ResumablePhases.Contains(interruptedIn))
        {
            throw new ArgumentOutOfRangeException(nameof(interruptedIn), interruptedIn,
                $"a procedure can be resumed only in {string.Join(", ", ResumablePhases)}");
        }

        ArgumentNullException.ThrowIfNull(elapsed);
        ArgumentNullException.ThrowIfNull(latchedCauses);
        if (elapsed.Count != Enum.GetValues<Phase>().Length)
        {
            throw new ArgumentException($"one elapsed time per phase ({Enum.GetValues<Phase>().Length}), got {elapsed.Count}", nameof(elapsed));
        }

        return Initial with
        {
            InterruptedIn = interruptedIn, ResumePhase = interruptedIn, Elapsed = elapsed, LatchedCauses = latchedCauses,
            WashoutExchangeConfirmed = washoutExchangeConfirmed,
        };
    }

    private string? NoInterruptedProcedure() => _interruptedIn is not { } was
        ? null
        : !_describeGuards ? Unmet : $"the previous run left the procedure unfinished in {was}";

    private string? ProcedureInterrupted() => _interruptedIn is not null ? null : "no procedure was interrupted";

    private Phase InterruptedTarget() => _latchedCauses.Count > 0 ? Phase.SafeState : _interruptedIn ?? Phase.SafeState;

    private string? InterruptedMayResume()
    {
        if (_interruptedIn is null)
        {
            return "no interrupted procedure to resume";
        }

        return _latchedCauses.Count > 0 ? null : NoActiveCause();
    }

    private string? InterruptedChemoMayEnd()
    {
        var problems = new List<string>();
        if (_interruptedIn != Phase.ChemoPerfusion)
        {
            problems.Add($"the procedure was interrupted in {_interruptedIn?.ToString() ?? "no phase"}, not in ChemoPerfusion");
        }

        if (_latchedCauses.Count > 0)
        {
            problems.Add("causes latched before the restart must be reset first: " + string.Join(", ", _latchedCauses));
        }

        if (NoActiveCause() is { } active)
        {
            problems.Add(active);
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private string? NoActiveCause() => _inputs.ActiveLatchedCauses.Count == 0
        ? null
        : "fault cause still active: " + string.Join(", ", _inputs.ActiveLatchedCauses);
}
