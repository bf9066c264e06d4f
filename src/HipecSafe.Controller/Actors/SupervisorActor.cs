using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Control;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the phase machine and orchestrates the second half of each cycle: turns the interlock verdict into phase
/// faults, advances the phases, asks the control loop for a command, constrains it, and hands it to the board bus.
/// Also takes operator commands (refusals are logged with their reason) and handles crashes of any actor by
/// latching SafeState and finishing the interrupted cycle with the safe command.
/// </summary>
internal sealed class SupervisorActor : MonitoredActor
{
    private static readonly Dictionary<OperatorAction, PhaseTrigger> Triggers = new()
    {
        [OperatorAction.StartPriming] = PhaseTrigger.StartPriming,
        [OperatorAction.ConfirmLeakCheck] = PhaseTrigger.ConfirmLeakCheck,
        [OperatorAction.AddDrug] = PhaseTrigger.AddDrug,
        [OperatorAction.EndChemoEarly] = PhaseTrigger.EndChemoEarly,
        [OperatorAction.Pause] = PhaseTrigger.Pause,
        [OperatorAction.Resume] = PhaseTrigger.Resume,
        [OperatorAction.Reset] = PhaseTrigger.OperatorReset,
        [OperatorAction.EmergencyStop] = PhaseTrigger.EmergencyStopPressed,
        [OperatorAction.ReleaseEmergencyStop] = PhaseTrigger.EmergencyStopReleased,
    };

    private readonly SupervisorState _s;

    public SupervisorActor(ControllerEnvironment environment, SupervisorState state)
        : base(ComponentNames.Supervisor, environment) => _s = state;

    private PhaseMachine Machine => _s.Machine;

    protected override void Handlers()
    {
        Receive<Evaluated>(OnEvaluated);
        Receive<Computed>(OnComputed);
        Receive<ComponentsFailed>(OnComponentsFailed);
        Receive<OperatorCommand>(OnOperator);
        Receive<ActorCrashed>(OnCrash);
        Receive<LogHealthChanged>(OnLogHealth);
    }

    private void OnEvaluated(Evaluated e)
    {
        var tick = e.Sample.Start.Tick;
        if (tick.Cycle < _s.LatestCycle || tick.Cycle == _s.EndedWithoutInterlocks)
        {
            // A hung interlock actor catching up: acting on an old sample would write an old command, and a cycle
            // already ended without the interlocks must not be ended (and reported) a second time.
            // Noted at the newest cycle's time: the supervisor's own last sample may be older than records already logged.
            Log(Environment.LastTick ?? tick, LogPriority.Low, new NoteEntry($"interlock verdict of cycle {tick.Cycle} arrived late and was discarded"));
            return;
        }

        _s.LatestCycle = tick.Cycle;
        _s.Current = e;
        var eval = e.Evaluation;
        UpdatePriming(e);

        if (Machine.Current == Phase.PowerOnSelfTest)
        {
            JudgeSelfTest(e);
        }

        foreach (var component in e.Sample.Start.FailedComponents)
        {
            FaultOnce(tick, $"watchdog: {component}", "not answering health pings");
        }

        foreach (var trip in eval.Active)
        {
            if (trip.Response.HasFlag(InterlockResponse.EnterSafeState))
            {
                FaultOnce(tick, trip.RuleId, trip.Measured.ToString());
            }
        }

        foreach (var t in Machine.Advance(tick.Time, Inputs(e)))
        {
            LogTransition(tick, t);
        }

        OnPhaseMaybeChanged(e);
        var phase = Machine.Current;
        var controlUnhealthy = e.Sample.Start.LateComponents.Contains(ComponentNames.ControlLoop)
                               || e.Sample.Start.FailedComponents.Contains(ComponentNames.ControlLoop);
        if (phase is Phase.SafeState or Phase.EmergencyStop)
        {
            Finish(e, ActuatorCommand.Safe, null);
        }
        else if (controlUnhealthy || !eval.Inflow.IsAvailable)
        {
            // Never heat without a live control loop and a trusted inflow reading (SRS-RT-008).
            Finish(e, _s.LastApplied.WithHeaterOff(), null);
        }
        else
        {
            Environment.ControlLoop.Tell(new Compute(e, ControlInputsOf(e)));
        }
    }

    private void OnComponentsFailed(ComponentsFailed failed)
    {
        var tick = failed.Start.Tick;
        _s.LatestCycle = Math.Max(_s.LatestCycle, tick.Cycle);
        foreach (var component in failed.Start.FailedComponents)
        {
            FaultOnce(tick, $"watchdog: {component}", "not answering health pings");
        }

        if (failed.Start.LateComponents.Contains(ComponentNames.Interlocks))
        {
            // The cycle cannot pass the hung interlocks: end it here with the safe command so its alarms are raised.
            // Only while they are not answering: once they answer again (the failure stays latched) the chain ends it.
            _s.EndedWithoutInterlocks = tick.Cycle;
            var report = new CycleReport(tick, null, null, Machine.Current, ActuatorCommand.Safe, null, [], [], null, false, null,
                Machine.ChemoElapsed.ToTimeSpan(), LatchedCauses());
            _s.LastApplied = ActuatorCommand.Safe;
            Environment.BoardBus.Tell(new WriteCycle(tick, ActuatorCommand.Safe, Conditions(_s.LastEvaluation), report));
        }
    }

    private void OnComputed(Computed c)
    {
        if (!ReferenceEquals(c.Evaluated, _s.Current))
        {
            var late = c.Evaluated.Sample.Start.Tick;
            Log(_s.LastTick ?? late, LogPriority.Low, new NoteEntry($"control output of cycle {late.Cycle} arrived late and was discarded"));
            return;
        }

        Finish(c.Evaluated, c.Output.Command, c.Output.Diagnostics.InflowSetpoint);
    }

    private void Finish(Evaluated e, ActuatorCommand desired, Temperature? inflowSetpoint)
    {
        var tick = e.Sample.Start.Tick;
        var eval = e.Evaluation;
        var phase = Machine.Current;
        var constrained = eval.Constrain(desired);
        var final = phase is Phase.SafeState or Phase.EmergencyStop ? ActuatorCommand.Safe : constrained.Command;
        if (final.PumpSpeedRpm > 0 && _s.LastApplied.PumpSpeedRpm <= 0)
        {
            _s.PumpStartedAt = tick.Time;
        }
        else if (final.PumpSpeedRpm <= 0)
        {
            _s.PumpStartedAt = null;
        }

        _s.LastApplied = final;
        Environment.Interlocks.Tell(new InterlockContextUpdate(phase, final, FlowTarget(phase), _s.ReservoirAtPhaseStart,
            _s.PhaseStartedAt, _s.PumpStartedAt));
        var report = new CycleReport(tick, eval.Sensors.Frame, e.Sample.Readout.Feedback, phase, final, inflowSetpoint?.DegreesCelsius,
            eval.Active.Count == 0 ? [] : eval.Active.Select(t => t.RuleId).ToList(),
            constrained.Reasons.Count == 0 ? [] : constrained.Reasons.Select(r => r.ToString()).ToList(), null, false, null,
            Machine.ChemoElapsed.ToTimeSpan(), LatchedCauses());
        Environment.BoardBus.Tell(new WriteCycle(tick, final, Conditions(eval), report));
    }

    /// <summary>A copy of the machine's latched causes for a report (shared empty list when there are none).</summary>
    private IReadOnlyList<string> LatchedCauses() => Machine.LatchedCauses.Count == 0 ? Array.Empty<string>() : Machine.LatchedCauses.ToList();

    private IReadOnlyList<AlarmCondition> Conditions(InterlockEvaluation? eval)
    {
        var safe = Machine.Current is Phase.SafeState or Phase.EmergencyStop;
        if ((eval is null || eval.Active.Count == 0) && _s.TechnicalConditions.Count == 0 && !safe)
        {
            return Array.Empty<AlarmCondition>(); // the usual cycle: no condition to pass on
        }

        var conditions = new List<AlarmCondition>(eval?.Active.Select(t => t.ToAlarmCondition()) ?? []);
        conditions.AddRange(_s.TechnicalConditions.Values);
        if (Machine.Current is Phase.SafeState or Phase.EmergencyStop)
        {
            // Whatever latched it (an interlock, the watchdog, a crash, the self-test), the safe state itself is alarmed.
            conditions.Add(new AlarmCondition("SAFE-STATE", AlarmPriority.High, null, $"Device in {Machine.Current}: heater off, pump stopped, clamp closed",
                string.Join("; ", Machine.LatchedCauses), "", Latching: true));
        }

        return conditions;
    }

    private VolumetricFlow FlowTarget(Phase phase) => PhaseControlPolicy.For(phase).PumpRuns ? Environment.Profile.FlowTarget : VolumetricFlow.Zero;

    private void UpdatePriming(Evaluated e)
    {
        var frame = e.Evaluation.Sensors.Frame;
        var circulating = Machine.Current == Phase.Priming && frame is not null && _s.LastApplied.PumpSpeedRpm > 0
                          && e.Evaluation.Sensors.IsValid(SensorChannel.Flow) && e.Evaluation.Sensors.IsValid(SensorChannel.AirDetected)
                          && !frame.AirDetected && frame.Flow.MillilitersPerMinute >= 0.5 * Environment.Profile.FlowTarget.MillilitersPerMinute;
        _s.PrimedFor = circulating ? _s.PrimedFor + Duration.FromTimeSpan(Environment.CyclePeriod) : Duration.Zero;
    }

    private void JudgeSelfTest(Evaluated e)
    {
        var problems = new List<string>();
        var r = e.Sample.Readout;
        if (r.Frame is null)
        {
            problems.Add($"sensor board: {r.SensorFailure}");
        }

        if (r.Feedback is null)
        {
            problems.Add($"actuator board: {r.ActuatorFailure}");
        }

        problems.AddRange(e.Evaluation.Sensors.ChannelsWithFaults.Select(c => $"{c}: {e.Evaluation.Sensors.DetailOf(c)}"));
        problems.AddRange(e.Evaluation.Active.Select(t => $"interlock {t.RuleId} active: {t.Measured}"));
        var tick = e.Sample.Start.Tick;
        switch (_s.SelfTest.Judge(problems))
        {
            case SelfTestStatus.Passed:
                Fire(tick, PhaseTrigger.SelfTestPassed, Inputs(e), "self-test passed");
                break;
            case SelfTestStatus.Failed:
                Fire(tick, PhaseTrigger.SelfTestFailed, Inputs(e), _s.SelfTest.FailureReason);
                break;
        }
    }

    private void OnPhaseMaybeChanged(Evaluated? e)
    {
        if (Machine.Current == _s.PhaseAtLastCycle)
        {
            return;
        }

        _s.PhaseAtLastCycle = Machine.Current;
        _s.PhaseStartedAt = _s.LastTick?.Time ?? TimeSpan.Zero;
        if (e?.Evaluation.Sensors is { } v && v.Frame is { } f && v.IsValid(SensorChannel.ReservoirVolume))
        {
            _s.ReservoirAtPhaseStart = f.ReservoirVolume;
        }
    }

    /// <summary>
    /// Guard inputs. For an operator reset, the board's own latches do not block: the reset itself clears them (the
    /// watchdog latch always, the limiter once its sensor is below 44 °C as the board requires).
    /// </summary>
    private PhaseInputs Inputs(Evaluated? e, bool forReset = false)
    {
        if (e is null)
        {
            return PhaseInputs.None;
        }

        var v = e.Evaluation.Sensors;
        var probes = new Temperature?[SensorFrame.AbdominalProbeCount];
        for (var i = 0; i < probes.Length; i++)
        {
            probes[i] = v.Frame is { } f && v.IsValid(SensorFrame.AbdomenChannel(i)) ? f.AbdomenProbe(i) : null;
        }

        var limiterCool = e.Sample.Readout.Feedback is { } fb && fb.LimiterTemperature < Temperature.FromDegreesCelsius(44.0);
        var active = e.Evaluation.Active;
        var late = e.Sample.Start.LateComponents;
        if (active.Count == 0 && late.Count == 0)
        {
            return new PhaseInputs(probes, _s.PrimedFor, []); // the usual cycle: no cause
        }

        var causes = active
            .Where(t => (t.IsLatched && !t.AwaitingReset) || (!t.IsLatched && t.Response.HasFlag(InterlockResponse.EnterSafeState)))
            .Where(t => !(forReset && (t.RuleId == "IL-BOARD-SAFE-LATCH" || (t.RuleId == "IL-BOARD-LIMITER" && limiterCool))))
            .Select(t => t.RuleId)
            .Concat(late.Select(c => $"watchdog: {c} not answering"))
            .ToList();
        return new PhaseInputs(probes, _s.PrimedFor, causes);
    }

    private ControlInputs ControlInputsOf(Evaluated e)
    {
        var v = e.Evaluation.Sensors;
        var f = v.Frame!;
        var probes = new ProbeReading[SensorFrame.AbdominalProbeCount];
        for (var i = 0; i < probes.Length; i++)
        {
            probes[i] = new ProbeReading(f.AbdomenProbe(i), v.IsValid(SensorFrame.AbdomenChannel(i)));
        }

        return new ControlInputs(Machine.Current, Environment.Profile, e.Evaluation.Inflow.Temperature!.Value,
            v.IsValid(SensorChannel.Outflow) ? f.Outflow : null, probes,
            v.IsValid(SensorChannel.Flow) ? f.Flow : null, _s.LastApplied);
    }

    private void OnOperator(OperatorCommand command)
    {
        if (command.Action is OperatorAction.AcknowledgeAlarms or OperatorAction.PauseAudio)
        {
            Environment.Alarms.Forward(command);
            return;
        }

        if (_s.LastTick is not { } tick)
        {
            const string reason = "the controller has not completed a cycle yet";
            // No cycle has given a time yet; the refusal is logged all the same (SRS-RT-009), at the latest tick or zero.
            var early = Environment.LastTick;
            Environment.HazardLog.Tell(new LogEvent(LogPriority.Medium, early?.Time ?? TimeSpan.Zero, early?.WallClock ?? DateTimeOffset.UnixEpoch,
                OperatorCommandEntry.WasRefused(command.Action.ToString(), reason)));
            Sender.Tell(new OperatorReply(command.Action, false, reason));
            return;
        }

        if (command.Action == OperatorAction.Reset && Machine.Current != Phase.SafeState)
        {
            // Outside SafeState a reset clears latched interlocks (e.g. a pump stopped for air) without a phase change.
            Environment.Interlocks.Tell(new ResetInterlocks(tick.Time, tick.WallClock, Sender, RetryOnNextSample: false));
            return;
        }

        var inputs = Inputs(_s.Current, forReset: command.Action == OperatorAction.Reset);
        var result = Fire(tick, Triggers[command.Action], inputs, "operator", command.Action.ToString());
        if (result.Accepted && command.Action == OperatorAction.Reset)
        {
            // Board latch reset first (the bus writes it), then the interlocks judge their latches on the next sample.
            Environment.BoardBus.Tell(new ClearSafeOverride());
            Environment.Interlocks.Tell(new ResetInterlocks(tick.Time, tick.WallClock, null, RetryOnNextSample: true));
            Environment.Watchdog.Tell(new ResetHealth());
            _s.TechnicalConditions.Keys.Where(k => k.StartsWith("CRASH-", StringComparison.Ordinal)).ToList()
                .ForEach(k => _s.TechnicalConditions.Remove(k));
        }
        else if (result.Accepted && command.Action == OperatorAction.EmergencyStop)
        {
            Environment.BoardBus.Tell(new ForceSafe("emergency stop pressed"));
        }

        OnPhaseMaybeChanged(_s.Current);
        Sender.Tell(new OperatorReply(command.Action, result.Accepted, result.RefusalReason));
    }

    private FireResult Fire(CycleTick tick, PhaseTrigger trigger, PhaseInputs inputs, string detail, string? operatorCommand = null)
    {
        var result = Machine.Fire(trigger, tick.Time, inputs, detail);
        if (operatorCommand is not null)
        {
            Log(tick, LogPriority.Medium, result.Accepted
                ? OperatorCommandEntry.WasAccepted(operatorCommand)
                : OperatorCommandEntry.WasRefused(operatorCommand, result.RefusalReason!));
        }

        if (result.Transition is { } t)
        {
            LogTransition(tick, t);
        }

        return result;
    }

    /// <summary>Latches SafeState for a cause, or records it as an additional cause, once per cause.</summary>
    private void FaultOnce(CycleTick tick, string causeKey, string detail)
    {
        var cause = $"{causeKey}: {detail}";
        if (Machine.Current is Phase.SafeState or Phase.EmergencyStop
            && Machine.LatchedCauses.Any(c => c.StartsWith(causeKey + ":", StringComparison.Ordinal)))
        {
            return;
        }

        if (Machine.Current == Phase.EmergencyStop)
        {
            return; // everything is already off; the cause is evaluated again once the stop is released
        }

        if (Machine.Fault(tick.Time, cause, Inputs(_s.Current)).Transition is { } t)
        {
            LogTransition(tick, t);
        }
    }

    private void LogTransition(CycleTick tick, PhaseTransition t)
    {
        var high = t.To is Phase.SafeState or Phase.EmergencyStop;
        Log(tick, high ? LogPriority.High : LogPriority.Medium,
            PhaseTransitionEntry.Of(t));
        if (t.To == Phase.SafeState && t.From != Phase.SafeState)
        {
            Log(tick, LogPriority.High, new SafeStateEntry(SafeStateChange.Entered, t.Detail ?? t.Trigger.ToString()));
        }
        else if (t.From == Phase.SafeState && t.To != Phase.SafeState)
        {
            Log(tick, LogPriority.Medium, new SafeStateEntry(SafeStateChange.Left, $"{t.Trigger} into {t.To}"));
        }
        else if (t.IsInternal && t.Trigger == PhaseTrigger.Fault)
        {
            Log(tick, LogPriority.High, new FaultEntry("supervisor", $"further fault while latched: {t.Detail}"));
        }
    }

    private void OnCrash(ActorCrashed crash)
    {
        var tick = TickOf(crash.LostMessage) ?? _s.LastTick;
        _s.TechnicalConditions[$"CRASH-{crash.Component}"] = new AlarmCondition($"CRASH-{crash.Component}", AlarmPriority.High,
            Hazards.LossOfControl, $"{crash.Component} crashed and was restarted", crash.Exception, "", Latching: true);
        if (tick is null)
        {
            Environment.Listener.Tell(new CrashHandled(crash.Component));
            return; // before the first cycle: the device is still in its self-test with all outputs off
        }

        Log(tick, LogPriority.High, new FaultEntry(crash.Component, $"actor crashed ({crash.Exception}) while handling {crash.LostMessage?.GetType().Name ?? "nothing"}; restarted"));
        FaultOnce(tick, $"crash: {crash.Component}", crash.Exception);
        if (TickOf(crash.LostMessage) is { } lost)
        {
            // The message that failed is lost: finish its cycle here with the safe command so the cycle still ends.
            var report = new CycleReport(lost, null, null, Machine.Current, ActuatorCommand.Safe, null, [], [], null, false, null,
                Machine.ChemoElapsed.ToTimeSpan(), LatchedCauses());
            _s.LastApplied = ActuatorCommand.Safe;
            Environment.BoardBus.Tell(new WriteCycle(lost, ActuatorCommand.Safe, Conditions(_s.LastEvaluation), report));
        }

        Environment.Listener.Tell(new CrashHandled(crash.Component));
    }

    private static CycleTick? TickOf(object? message) => message switch
    {
        CycleTick t => t,
        StartCycle s => s.Tick,
        Sampled s => s.Start.Tick,
        Evaluated e => e.Sample.Start.Tick,
        Compute c => c.Evaluated.Sample.Start.Tick,
        Computed c => c.Evaluated.Sample.Start.Tick,
        WriteCycle w => w.Tick,
        UpdateAlarms u => u.Tick,
        _ => null,
    };

    private void OnLogHealth(LogHealthChanged health)
    {
        const string id = "LOG-UNAVAILABLE";
        if (health.Healthy)
        {
            _s.TechnicalConditions.Remove(id);
        }
        else
        {
            _s.TechnicalConditions[id] = new AlarmCondition(id, AlarmPriority.High, null,
                "Hazard log storage unavailable: records are buffered in memory", health.Description, "", Latching: true);
        }
    }

    private void Log(CycleTick tick, LogPriority priority, HazardLogEntry entry) =>
        Environment.HazardLog.Tell(new LogEvent(priority, tick.Time, tick.WallClock, entry));
}
