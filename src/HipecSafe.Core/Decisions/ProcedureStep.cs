using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Control;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The control lane: one cycle of the procedure as a pure function,
/// <c>(state, cycle input) → (state', desired command, replies, hazard-log records)</c>. In order it validates the
/// sample on its own, judges whether the cycle counts as chemo time, takes the technical events, tracks priming, judges
/// the power-on self-test, latches SafeState for the last cycle's safe-state trips and failed components, answers the
/// operator's commands, advances the phases, and asks the control law for the command it would like. It constrains nothing: the safety gate does that, once.
/// Not thread-safe (the phase machine and control law are function objects with working fields): one owner.
/// </summary>
public sealed class ProcedureStep
{
    /// <summary>Cycles a board latch release is asked for after an accepted reset (the board needs a changing heartbeat first).</summary>
    public const int BoardReleaseWindowCycles = 10;

    private static readonly Dictionary<OperatorAction, PhaseTrigger> Triggers = new()
    {
        [OperatorAction.StartPriming] = PhaseTrigger.StartPriming,
        [OperatorAction.ConfirmLeakCheck] = PhaseTrigger.ConfirmLeakCheck,
        [OperatorAction.AddDrug] = PhaseTrigger.AddDrug,
        [OperatorAction.EndChemoEarly] = PhaseTrigger.EndChemoEarly,
        [OperatorAction.ConfirmWashoutExchange] = PhaseTrigger.ConfirmWashoutExchange,
        [OperatorAction.Pause] = PhaseTrigger.Pause,
        [OperatorAction.Resume] = PhaseTrigger.Resume,
        [OperatorAction.Reset] = PhaseTrigger.OperatorReset,
        [OperatorAction.EmergencyStop] = PhaseTrigger.EmergencyStopPressed,
        [OperatorAction.ReleaseEmergencyStop] = PhaseTrigger.EmergencyStopReleased,
        [OperatorAction.ResumeInterrupted] = PhaseTrigger.ResumeInterrupted,
    };

    /// <summary>Cycles between low-priority checkpoints while a procedure is under way outside ChemoPerfusion (10 s at 10 Hz).</summary>
    public const int CheckpointEveryCycles = 100;

    /// <summary>The alarm a restarted controller raises while it holds an interrupted procedure (SRS-RS-003).</summary>
    public const string InterruptedAlarmId = "PROCEDURE-INTERRUPTED";

    /// <summary>The alarm while a restarted controller's self-test waits for the limiter to cool (SRS-RS-009).</summary>
    public const string SelfTestWaitingAlarmId = "RESTART-LIMITER-HOT";

    private readonly TreatmentProfile _profile;
    private readonly PhaseMachine _machine;
    private readonly ControlLaw _law;
    private readonly SensorValidator _validator;
    private readonly SensorValidationLimits _validationLimits;
    private readonly Duration _period;
    private readonly string _controlComponent;

    /// <param name="profile">The treatment profile in force.</param>
    /// <param name="law">The control law (gains, plant model).</param>
    /// <param name="cyclePeriod">The cycle period (priming time is counted in cycles of it).</param>
    /// <param name="controlComponent">The watched component that runs this step: while it is late, the heater stays off.</param>
    public ProcedureStep(TreatmentProfile profile, ControlLaw law, TimeSpan cyclePeriod, string controlComponent)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(law);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cyclePeriod, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(controlComponent);
        _profile = profile;
        _machine = new PhaseMachine(profile);
        _law = law;
        _validationLimits = SensorValidationLimits.For(profile.Limits);
        _validator = new SensorValidator(_validationLimits);
        _period = Duration.FromTimeSpan(cyclePeriod);
        _controlComponent = controlComponent;
        Initial = new ProcedureState(PhaseMachine.Initial, ControlLawState.Initial, SensorValidator.Initial, SelfTestJudge.Initial, Duration.Zero,
            ReservoirSteadiness.None, ProcedureContext.PowerOn, ValueList.Empty<AlarmCondition>(), -1, -1, CircuitVolumeBaseline.None, null);
    }

    /// <summary>The control lane at power-on.</summary>
    public ProcedureState Initial { get; }

    /// <summary>
    /// The control lane of a controller restarted in the middle of a procedure (SRS-RS-003): at power-on, so the
    /// self-test runs and releases the board's hold as after any power-on, but holding the interrupted phase, its
    /// clocks (the chemo clock as persisted, the washout clock with its saline-exchange confirmation), the latched
    /// causes, the circuit-volume baseline a leak is judged against (SRS-RS-006) and an open chemo-clock hold, which the
    /// first cycle closes in the new log. The leak check's evidence starts afresh (SRS-RS-008).
    /// </summary>
    public ProcedureState ResumeFrom(ProcedureResume resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var elapsed = new Duration[Enum.GetValues<Phase>().Length];
        elapsed[(int)Phase.ChemoPerfusion] = Duration.FromTimeSpan(resume.ChemoElapsed);
        elapsed[(int)Phase.Washout] = Duration.FromTimeSpan(resume.WashoutElapsed);
        elapsed[(int)Phase.Draining] = Duration.FromTimeSpan(resume.DrainingElapsed);
        var causes = ValueList.From(resume.LatchedCauses.Select(c => SafetyCause.Other($"before the restart: {c}")).ToArray());
        var phase = PhaseMachine.Restarted(resume.InterruptedIn, ValueList.From(elapsed), causes, resume.CircuitVolume.ExchangeConfirmed);
        return Initial with
        {
            Phase = phase,
            ResumedAfterRestart = true,
            CircuitBaseline = CircuitVolumeBaseline.From(resume.CircuitVolume),
            ChemoHold = resume.ChemoHold is { } hold
                ? new ChemoClockEpisode(hold.Since, Duration.FromTimeSpan(hold.Held), null, hold.Stretches) { BeforeRestart = true }
                : null,
        };
    }

    public PhaseMachine Machine => _machine;

    public TreatmentProfile Profile => _profile;

    public ProcedureOutcome Step(ProcedureState state, ProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Cycle <= state.LastCycle)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Cycle,
                $"the control lane steps each cycle once and in order: cycle {input.Cycle} after cycle {state.LastCycle}");
        }

        var w = new Work(this, state, input);
        w.HoldChemoClock();
        w.TakeEvents();
        w.TrackPriming();
        w.TrackLeakCheck();
        w.JudgeSelfTest();
        w.LatchFaults();
        w.Answer();
        w.Advance();
        return w.Finish();
    }

    /// <summary>One call's working state; nothing of it outlives the call.</summary>
    private sealed class Work
    {
        private readonly ProcedureStep _step;
        private readonly ProcedureState _before;
        private readonly ProcedureInput _input;
        private readonly ValidatedFrame _sensors;
        private readonly SensorValidatorState _sensorState;
        private readonly List<CycleLogEntry> _records = [];
        private readonly List<OperatorReply> _replies = [];
        private PhaseState _phase;
        private SelfTestJudge _selfTest;
        private Duration _primedFor;
        private bool _primingAirSeen;
        private ReservoirSteadiness _leakCheck;
        private ValueList<AlarmCondition> _technical;
        private long _releaseUntil;
        private bool _resetRequested;
        private bool _releaseLatch;
        private bool _resetHealth;
        private PhaseInputs? _inputs;
        private string? _clockHeld;
        private ChemoClockEpisode? _chemoHold;
        private CircuitVolumeBaseline _baseline;

        public Work(ProcedureStep step, ProcedureState state, ProcedureInput input)
        {
            _step = step;
            _before = state;
            _input = input;
            var validation = step._validator.Validate(state.Sensors, input.Now, input.Readout.Frame);
            _sensors = validation.Frame;
            _sensorState = validation.State;
            _phase = state.Phase;
            _selfTest = state.SelfTest;
            _primedFor = state.PrimedFor;
            _primingAirSeen = state.PrimingAirSeen;
            _leakCheck = state.LeakCheck;
            _technical = state.TechnicalConditions;
            _releaseUntil = state.ReleaseUntilCycle;
            _chemoHold = state.ChemoHold;
            _baseline = state.CircuitBaseline;
        }

        private TimeSpan Now => _input.Now;

        private BoardReadout Readout => _input.Readout;

        private PhaseMachine Machine => _step._machine;

        /// <summary>
        /// Chemo time counts only cycles of hyperthermic perfusion (SRS-PH-022): a cycle spent in ChemoPerfusion whose
        /// readout shows the pump stopped or the abdomen below the band holds the chemo clock, before anything else of
        /// the cycle moves the machine's clocks. The log tells each hold episode: when it began and why, and when the
        /// clock has run again for <see cref="ChemoClockEpisode.Settle"/> (or the phase was left) with the time held.
        /// </summary>
        public void HoldChemoClock()
        {
            var inChemo = _phase.Current == Phase.ChemoPerfusion;
            _clockHeld = inChemo ? HyperthermicPerfusion.WhyNot(Readout, _sensors, _step._profile) : null;
            var episode = _before.ChemoHold;
            if (_clockHeld is null && episode is null && _phase.HeldClock is null)
            {
                return; // the usual cycle: it counts, and the machine's next call counts it
            }

            var from = _phase.LastTick ?? Now;
            _phase = Machine.HoldClock(_phase, Now, _clockHeld is null ? null : Phase.ChemoPerfusion);
            var chemo = DurationText.Format(_phase.ChemoElapsed);
            if (!inChemo)
            {
                if (episode is { BeforeRestart: true })
                {
                    // The hold under way when the previous run stopped: its held time was never chemo time; told once, here.
                    Log(LogPriority.Medium, new NoteEntry(
                        $"chemo clock hold before the restart over at the restart, at chemo time {chemo}: {DurationText.Format(episode.Held)} held{Stretches(episode)} since {Clock(episode.Since)} of the previous run"));
                }
                else if (episode is not null)
                {
                    Log(LogPriority.Medium, new NoteEntry(
                        $"chemo clock hold over with ChemoPerfusion left, at chemo time {chemo}: {DurationText.Format(episode.Held)} held{Stretches(episode)} since {Clock(episode.Since)}"));
                }

                _chemoHold = null;
            }
            else if (_clockHeld is not null)
            {
                if (episode is null)
                {
                    Log(LogPriority.Medium, new NoteEntry($"chemo clock held at chemo time {chemo}: {_clockHeld}"));
                }

                var open = episode ?? new ChemoClockEpisode(from, Duration.Zero, null);
                _chemoHold = open with
                {
                    Held = open.Held + Duration.FromTimeSpan(Now - from),
                    RunningSince = null,
                    Stretches = episode?.RunningSince is null ? open.Stretches : open.Stretches + 1, // paused again after running
                };
            }
            else
            {
                var running = episode!.RunningSince ?? from;
                if (Duration.FromTimeSpan(Now - running) >= ChemoClockEpisode.Settle)
                {
                    Log(LogPriority.Medium, new NoteEntry(
                        $"chemo clock running again since {Clock(running)}, at chemo time {chemo}: {DurationText.Format(episode.Held)} held{Stretches(episode)} since {Clock(episode.Since)}"));
                    _chemoHold = null;
                }
                else
                {
                    _chemoHold = episode with { RunningSince = running };
                }
            }
        }

        /// <summary>Chatter told as one episode still counts its pauses: " in N stretches" when there was more than one.</summary>
        private static string Stretches(ChemoClockEpisode episode) =>
            episode.Stretches > 1 ? string.Create(CultureInfo.InvariantCulture, $" in {episode.Stretches} stretches") : "";

        private static string Clock(TimeSpan procedureTime) => procedureTime.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture);

        /// <summary>Crashes raise a latched high alarm and latch SafeState; the log's storage health is alarmed.</summary>
        public void TakeEvents()
        {
            foreach (var e in _input.Events)
            {
                switch (e)
                {
                    case ComponentCrashed crash:
                        SetCondition(new AlarmCondition($"CRASH-{crash.Component}", AlarmPriority.High, Hazards.LossOfControl,
                            $"{crash.Component} crashed and was restarted", crash.Exception, "", Latching: true));
                        Log(LogPriority.High, new FaultEntry(crash.Component,
                            $"actor crashed ({crash.Exception}) while handling {crash.LostMessage ?? "nothing"}; restarted"));
                        FaultOnce(SafetyCause.ComponentCrashed(crash.Component, crash.Exception));
                        break;
                    case LogStorageChanged { Healthy: true }:
                        _technical = _technical.RemoveAll(c => c.ConditionId == LogUnavailable);
                        break;
                    case LogStorageChanged storage:
                        SetCondition(new AlarmCondition(LogUnavailable, AlarmPriority.High, null,
                            "Hazard log storage unavailable: records are buffered in memory", storage.Description, "", Latching: true));
                        break;
                    default:
                        throw new ArgumentException($"unknown technical event {e.GetType().Name}", nameof(e));
                }
            }
        }

        private const string LogUnavailable = "LOG-UNAVAILABLE";

        private const string WashoutClockWaits = "washout time waits for the saline exchange to be confirmed (ConfirmWashoutExchange)";

        /// <summary>Priming is complete after air-free circulation at half the target flow or more for the profile's time.</summary>
        public void TrackPriming()
        {
            var frame = _sensors.Frame;
            var circulating = _phase.Current == Phase.Priming && frame is not null && Readout.BoardHolds.PumpSpeedRpm > 0
                              && _sensors.IsValid(SensorChannel.Flow) && _sensors.IsValid(SensorChannel.AirDetected)
                              && !frame.AirDetected && frame.Flow.MillilitersPerMinute >= 0.5 * _step._profile.FlowTarget.MillilitersPerMinute;
            _primedFor = circulating ? _primedFor + _step._period : Duration.Zero;

            // The priming air (SRS-PH-026), by the gate's definition for IL-AIR-DETECTOR-UNTESTED (SRS-IL-064): a physical
            // air reading in Priming, pump running or not — a dry set reads air before the pump moves fluid, too, and the
            // same definition keeps the hold and the alarm from disagreeing about what the detector has shown.
            _primingAirSeen |= _phase.Current == Phase.Priming && frame is { AirDetected: true } && _sensors.IsMeasurement(SensorChannel.AirDetected);
            _inputs = null; // a crash event may have built the guard inputs before this cycle's priming time was known
        }

        /// <summary>
        /// The leak check's evidence (SRS-PH-006): how long the reservoir has held within the profile's tolerance while
        /// the circuit circulates at the target flow — the pump turning and a valid flow reading within the profile's
        /// flow-deviation limit of the target.
        /// </summary>
        public void TrackLeakCheck()
        {
            var profile = _step._profile;
            var dt = _before.Phase.LastTick is { } last && Now > last ? Duration.FromTimeSpan(Now - last) : Duration.Zero;
            _leakCheck = _leakCheck.Next(PumpTurning.WhyNot(Readout) ?? FlowOffTarget(), Reservoir, dt, profile.LeakCheck.SteadyWithin);
            _inputs = null;
        }

        private string? FlowOffTarget()
        {
            var profile = _step._profile;
            if (_sensors.Frame is not { } frame)
            {
                return "no sensor sample";
            }

            if (!_sensors.IsValid(SensorChannel.Flow))
            {
                return "flow reading not valid";
            }

            var target = profile.FlowTarget.MillilitersPerMinute;
            var limit = target * profile.Limits.FlowDeviationPercent / 100.0;
            return Math.Abs(frame.Flow.MillilitersPerMinute - target) <= limit
                ? null
                : string.Create(CultureInfo.InvariantCulture,
                    $"flow {frame.Flow} is not within {profile.FlowTarget} ± {profile.Limits.FlowDeviationPercent:0.#} %");
        }

        /// <summary>
        /// The power-on self-test: both boards answer, every channel is valid, no trip is active, and the actuator board
        /// has left its power-on safe hold, which this step asks the gate to release (docs/icd.md). After a restart
        /// mid-procedure the channels and the hold are judged against what the interrupted phase allows
        /// (<see cref="RestartSelfTest"/>): a hold the board cannot release while its limiter is hot is waited for, the
        /// release asked for every cycle (SRS-RS-009); a reservoir over its range is accepted in Draining (SRS-RS-010).
        /// </summary>
        public void JudgeSelfTest()
        {
            if (_phase.Current != Phase.PowerOnSelfTest)
            {
                return;
            }

            var interrupted = _phase.InterruptedIn;
            var problems = new List<string>();
            List<string>? accepted = null;
            string? wait = null;
            var r = Readout;
            if (r.Frame is null)
            {
                problems.Add($"sensor board: {r.SensorFailure}");
            }

            if (r.Feedback is null)
            {
                problems.Add($"actuator board: {r.ActuatorFailure}");
            }
            else if (r.Feedback.Has(BoardStatus.SafeLatchedByWatchdog) || r.Feedback.Has(BoardStatus.LimiterTripped))
            {
                _releaseLatch = true;
                wait = interrupted is null ? null : RestartSelfTest.CoolingWait(r.Feedback);
                if (wait is null)
                {
                    problems.Add("actuator board still in its safe hold (board_status bit0/bit1)");
                }
            }

            foreach (var channel in _sensors.ChannelsWithFaults)
            {
                if (interrupted is { } phase && r.Frame is { } frame && RestartSelfTest.AcceptsChannel(phase, channel, _sensors.FaultsOf(channel),
                        ChannelValue.Of(frame, channel), _step._validationLimits.RangeOf(channel)))
                {
                    (accepted ??= []).Add($"{channel}: {_sensors.DetailOf(channel)}");
                    continue;
                }

                problems.Add($"{channel}: {_sensors.DetailOf(channel)}");
            }

            if (_input.LastVerdict is { } verdict)
            {
                problems.AddRange(verdict.ActiveTrips.Select(t => $"interlock {t.RuleId} active: {t.Measured}"));
            }

            _selfTest = _selfTest.Judge(problems, wait, RestartSelfTest.MaxCoolingCycles);
            var allowed = accepted is null ? "" : $"; accepted for {interrupted}: {string.Join("; ", accepted)}";
            switch (_selfTest.Status)
            {
                case SelfTestStatus.Passed when interrupted is { } phase:
                    Fire(PhaseTrigger.SelfTestPassedProcedureInterrupted, Inputs(), $"self-test passed{allowed}; procedure interrupted in {phase}: holding for the operator");
                    break;
                case SelfTestStatus.Passed:
                    Fire(PhaseTrigger.SelfTestPassed, Inputs(), "self-test passed");
                    break;
                case SelfTestStatus.Failed:
                    Fire(PhaseTrigger.SelfTestFailed, Inputs(), _selfTest.FailureReason);
                    break;
            }
        }

        /// <summary>Failed components and the last cycle's safe-state trips latch SafeState (once per cause).</summary>
        public void LatchFaults()
        {
            foreach (var component in _input.Health.Failed)
            {
                FaultOnce(SafetyCause.ComponentFailed(component));
            }

            if (_input.LastVerdict is not { } verdict)
            {
                return;
            }

            foreach (var trip in verdict.ActiveTrips)
            {
                if (trip.Response.HasFlag(InterlockResponse.EnterSafeState) && !ReleasedByPendingReset(trip))
                {
                    FaultOnce(SafetyCause.Interlock(trip.RuleId, trip.Measured.ToString()));
                }
            }
        }

        /// <summary>The operator's commands, in the order they arrived; each is answered and logged.</summary>
        public void Answer()
        {
            foreach (var action in _input.Commands)
            {
                _replies.Add(action switch
                {
                    OperatorAction.AcknowledgeAlarms or OperatorAction.PauseAudio => RefuseAlarmCommand(action),
                    OperatorAction.Reset when _phase.Current != Phase.SafeState => ResetInterlocks(),
                    _ => Command(action),
                });
            }
        }

        private OperatorReply RefuseAlarmCommand(OperatorAction action)
        {
            const string reason = "an alarm command: the alarm system answers it, not the procedure";
            Log(LogPriority.Medium, OperatorCommandEntry.WasRefused(action.ToString(), reason));
            return OperatorReply.Refuse(action, reason);
        }

        private OperatorReply Command(OperatorAction action)
        {
            var reset = action == OperatorAction.Reset;
            var result = Fire(Triggers[action], Inputs(forReset: reset), "operator", action.ToString());
            if (result.Accepted && reset)
            {
                // The gate resets the latched trips, the watchdog its failures, and the board its latch (for a while).
                _resetRequested = true;
                _resetHealth = true;
                _releaseUntil = _input.Cycle + BoardReleaseWindowCycles;
                _inputs = null;
                _releaseLatch |= BoardLatched;
                _technical = _technical.RemoveAll(c => c.ConditionId.StartsWith("CRASH-", StringComparison.Ordinal));
            }

            return result.Accepted ? OperatorReply.Accept(action) : OperatorReply.Refuse(action, result.RefusalReason!);
        }

        /// <summary>
        /// Outside SafeState a reset clears latched trips whose condition has cleared (e.g. a pump stopped for air) without
        /// a phase change. Judged on the last verdict, as the gate judges it.
        /// </summary>
        private OperatorReply ResetInterlocks()
        {
            const string what = "Reset (interlock latches)";
            var latched = _input.LastVerdict?.ActiveTrips.Where(t => t.IsLatched).ToList() ?? [];
            if (latched.Count == 0)
            {
                const string none = "no latched interlock to reset";
                Log(LogPriority.Medium, OperatorCommandEntry.WasRefused(what, none));
                return OperatorReply.Refuse(OperatorAction.Reset, none);
            }

            var refused = latched.Where(t => !t.AwaitingReset).Select(t => t.Condition == ConditionState.Holds
                ? $"{t.RuleId} condition still present: {t.Latest}"
                : $"{t.RuleId} condition cannot be confirmed clear: {t.Latest}").ToList();
            var accepted = refused.Count < latched.Count;
            var reason = refused.Count == 0 ? null : string.Join("; ", refused);
            if (accepted)
            {
                _resetRequested = true;
                Log(LogPriority.Medium, OperatorCommandEntry.WasAccepted(what));
            }
            else
            {
                Log(LogPriority.Medium, OperatorCommandEntry.WasRefused(what, reason!));
            }

            return new OperatorReply(OperatorAction.Reset, accepted, reason);
        }

        /// <summary>Fires the automatic transitions whose guards hold now.</summary>
        public void Advance()
        {
            var advance = Machine.Advance(_phase, Now, Inputs());
            _phase = advance.State;
            foreach (var t in advance.Taken)
            {
                Took(t);
            }

            // Priming held by the air detector's failed check (SRS-PH-025) or by the priming air not yet seen (SRS-PH-026):
            // logged once, in the cycle the priming time is reached (again, after a break in circulation), with the
            // refusal's own words.
            var minimum = _step._profile.PrimingMinimum;
            if (_phase.Current == Phase.Priming && _primedFor >= minimum && _before.PrimedFor < minimum
                && (Inputs().AirDetectorUntested || !Inputs().PrimingAirSeen)
                && Machine.WhyNot(_phase, PhaseTrigger.PrimingComplete, Inputs()) is { } refused)
            {
                Log(LogPriority.Medium, new NoteEntry(refused));
            }
        }

        public ProcedureOutcome Finish()
        {
            var profile = _step._profile;
            var phase = _phase.Current;
            var context = _before.Context;
            _baseline = _baseline.Observe(Reservoir);
            if (phase != context.Phase)
            {
                // A new phase starts its clock for the gate's rules (flow settle time, below-band arming).
                context = new ProcedureContext(phase, FlowTarget(phase), _baseline.InForce, Now);
            }
            else if (_baseline.InForce != context.CircuitVolumeBaseline)
            {
                context = context with { CircuitVolumeBaseline = _baseline.InForce };
            }

            var held = Readout.BoardHolds;
            var control = _before.Control;
            ActuatorCommand desired;
            double? setpoint = null;
            var inflow = InflowSelection.Select(_sensors);
            if (_phase.IsProtective || phase == Phase.Interrupted)
            {
                // The restart hold is as safe as SafeState (SRS-RS-003): nothing runs until the operator decides.
                desired = ActuatorCommand.Safe;
            }
            else if (_input.Health.IsLate(_step._controlComponent) || _input.Health.HasFailed(_step._controlComponent) || !inflow.IsAvailable)
            {
                // Never ask for heat without a live control loop and a trusted inflow reading (SRS-RT-008); where the pump
                // does not run (Paused, Standby, Complete, the self-test) everything stays off as it would anyway (SRS-PH-012).
                desired = PhaseControlPolicy.For(phase).PumpRuns ? held.WithHeaterOff() : ActuatorCommand.Safe;
            }
            else
            {
                var step = _step._law.Step(control, Duration.FromTimeSpan(Now), ControlInputsOf(inflow.Temperature!.Value, held));
                control = step.State;
                desired = step.Output.Command;
                setpoint = step.Output.Diagnostics.InflowSetpoint?.DegreesCelsius;
            }

            // Asked for as long as the board shows a latch, and once more after it has released: the gate resets a
            // board-latch trip only in a cycle that asks for the release and reads the bit clear.
            if (_input.Cycle <= _releaseUntil && (BoardLatched || BoardLatchTripActive))
            {
                _releaseLatch = true;
            }

            // Whatever latched it (an interlock, the watchdog, a crash, the self-test), the safe state itself is alarmed.
            IReadOnlyList<AlarmCondition> conditions = !_phase.IsProtective ? _technical : _technical.Add(new AlarmCondition("SAFE-STATE",
                AlarmPriority.High, null, $"Device in {phase}: heater off, pump stopped, clamp closed", string.Join("; ", _phase.LatchedCauses), "", Latching: true));
            if (phase == Phase.PowerOnSelfTest && _selfTest.Waiting is { } waiting)
            {
                // Why a restarted controller holds in its self-test instead of failing it (SRS-RS-009).
                conditions = [.. conditions, new AlarmCondition(SelfTestWaitingAlarmId, AlarmPriority.Medium, null,
                    "Restart self-test waiting for the heater limiter to cool: heater off, pump stopped, clamp closed", waiting,
                    string.Create(CultureInfo.InvariantCulture, $"at most {RestartSelfTest.MaxCoolingCycles * _step._period.Seconds / 60:0} min"))];
            }

            if (_phase.InterruptedIn is { } interrupted)
            {
                // From the restarted run's first cycle until the operator resumes or ends the procedure (SRS-RS-003).
                var chemo = ProcedureResume.MinutesSeconds(_phase.ChemoElapsed.ToTimeSpan());
                var of = ProcedureResume.MinutesSeconds(profile.ChemoDuration.ToTimeSpan());
                conditions = [.. conditions, new AlarmCondition(InterruptedAlarmId, AlarmPriority.High, Hazards.LossOfControl,
                    $"Procedure interrupted at {interrupted}, chemo {chemo} of {of}", chemo, of, Latching: true)];
            }

            Checkpoint(phase);

            var report = new ProcedureReport(phase, _phase.ChemoElapsed.ToTimeSpan(),
                _phase.LatchedCauses.Count == 0 ? [] : _phase.LatchedCauses.Select(c => c.ToString()).ToList(), setpoint, conditions,
                phase switch
                {
                    Phase.ChemoPerfusion => _clockHeld,
                    Phase.Washout when !_phase.WashoutExchangeConfirmed => WashoutClockWaits,
                    _ => null,
                });
            var next = new ProcedureState(_phase, control, _sensorState, _selfTest, _primedFor, _leakCheck, context, _technical, _releaseUntil, _input.Cycle,
                _baseline, _chemoHold) { ResumedAfterRestart = _before.ResumedAfterRestart, PrimingAirSeen = _primingAirSeen };
            var desiredCommand = new DesiredCommand(_input.Cycle, desired, context, report, _resetRequested, _releaseLatch);
            return new ProcedureOutcome(next, desiredCommand, _replies, _records, _resetHealth);
        }

        /// <summary>
        /// The procedure's checkpoint in the hazard log (SRS-RS-001): high priority (fsynced, anchored) when the phase or
        /// the latched causes change and in a restarted run's first cycle; low priority every cycle of ChemoPerfusion
        /// (the chemo clock is the dose) and every <see cref="CheckpointEveryCycles"/> cycles otherwise while a procedure
        /// is under way. Nothing before priming or after completion: there is nothing to resume. A ChemoPerfusion cycle
        /// in which only the chemo clock moved writes the clock alone (<see cref="ChemoClockEntry"/>): a full checkpoint's
        /// text, hash and allocations in every cycle cost more than the rest of the control lane.
        /// </summary>
        private void Checkpoint(Phase phase)
        {
            var underWay = ProcedureResume.WorkingPhase(phase, _phase.InterruptedIn, _phase.ResumePhase) is not null;
            var wasUnderWay = ProcedureResume.WorkingPhase(_before.Phase.Current, _before.Phase.InterruptedIn, _before.Phase.ResumePhase) is not null;
            var changed = phase != _before.Phase.Current || _phase.LatchedCauses.Count != _before.Phase.LatchedCauses.Count
                          || (_before.LastCycle < 0 && _phase.InterruptedIn is not null);
            LogPriority priority;
            if (changed && (underWay || wasUnderWay))
            {
                priority = LogPriority.High; // also the transition that ends a procedure (into Complete): a restart then resumes nothing
            }
            else if (underWay && phase == Phase.ChemoPerfusion && _input.Cycle % CheckpointEveryCycles != 0
                     && _chemoHold == _before.ChemoHold && _baseline == _before.CircuitBaseline)
            {
                Log(LogPriority.Low, new ChemoClockEntry(_phase.ChemoElapsed.ToTimeSpan()));
                return;
            }
            else if (underWay && (phase == Phase.ChemoPerfusion || _input.Cycle % CheckpointEveryCycles == 0))
            {
                priority = LogPriority.Low;
            }
            else
            {
                return;
            }

            Log(priority, new ProcedureCheckpointEntry(phase, _phase.InterruptedIn, _phase.ResumePhase, _phase.ChemoElapsed.ToTimeSpan(),
                _step._profile.ChemoDuration.ToTimeSpan(), _phase.ElapsedIn(Phase.Washout).ToTimeSpan(), _phase.ElapsedIn(Phase.Draining).ToTimeSpan(),
                _step._profile.Name, _baseline.ToCheckpoint(_phase.WashoutExchangeConfirmed),
                _chemoHold is { } hold ? new CheckpointChemoHold(hold.Since, hold.Held.ToTimeSpan(), hold.Stretches) : null,
                [.. _phase.LatchedCauses.Select(c => c.ToString())],
                [.. _input.LastVerdict?.ActiveTrips.Where(t => t.IsLatched).Select(t => t.RuleId) ?? []]));
        }

        /// <summary>This cycle's reservoir reading; null when it is not valid.</summary>
        private Volume? Reservoir => _sensors.Frame is { } f && _sensors.IsValid(SensorChannel.ReservoirVolume) ? f.ReservoirVolume : null;

        private bool BoardLatchTripActive => _input.LastVerdict?.ActiveTrips.Any(t => t.BoardLatch != BoardStatus.None) == true;

        private bool BoardLatched => Readout.Feedback is { } fb
                                     && (fb.Has(BoardStatus.SafeLatchedByWatchdog) || fb.Has(BoardStatus.LimiterTripped));

        /// <summary>
        /// A board-latch trip that the reset in progress will clear: the board releases its latch only after the gate has
        /// written latch_reset, so the trip outlives the reset by a cycle or more. The watchdog latch always; the limiter
        /// once its sensor is below the board's release threshold, as the board requires.
        /// </summary>
        private bool ReleasedByPendingReset(InterlockTrip trip) =>
            _input.Cycle <= _releaseUntil && ReleasedByBoard(trip);

        private bool ReleasedByBoard(InterlockTrip trip) => trip.BoardLatch switch
        {
            BoardStatus.SafeLatchedByWatchdog => true,
            BoardStatus.LimiterTripped => Readout.Feedback is { } fb && fb.LimiterTemperature < BoardProtection.LimiterReleaseBelow,
            _ => false,
        };

        /// <summary>
        /// Guard inputs: the valid abdominal probes, the air-free priming time, and the causes that are still active —
        /// latched trips not yet clear, safe-state trips, late components. For an operator reset the board's latches do
        /// not block: the reset itself releases them.
        /// </summary>
        private PhaseInputs Inputs(bool forReset = false)
        {
            if (!forReset && _inputs is { } known)
            {
                return known; // the same cycle's inputs, unless a reset since changed what is pending (see Command)
            }

            var inputs = BuildInputs(forReset);
            if (!forReset)
            {
                _inputs = inputs;
            }

            return inputs;
        }

        private PhaseInputs BuildInputs(bool forReset)
        {
            var probes = new Temperature?[SensorFrame.AbdominalProbeCount];
            for (var i = 0; i < probes.Length; i++)
            {
                probes[i] = _sensors.Frame is { } f && _sensors.IsValid(SensorFrame.AbdomenChannel(i)) ? f.AbdomenProbe(i) : null;
            }

            var trips = _input.LastVerdict?.ActiveTrips ?? [];
            var late = _input.Health.Late;
            if (trips.Count == 0 && late.Count == 0)
            {
                return new PhaseInputs(probes, _primedFor, []) // the usual cycle: no cause
                {
                    LeakCheck = _leakCheck, Reservoir = Reservoir, CircuitVolumeBaseline = _baseline.Volume, ExchangeLowest = _baseline.ExchangeLowest,
                    PrimingAirSeen = PrimingAirSeen,
                };
            }

            var causes = trips
                .Where(t => (t.IsLatched && !t.AwaitingReset) || (!t.IsLatched && t.Response.HasFlag(InterlockResponse.EnterSafeState)))
                .Where(t => !((forReset && ReleasedByBoard(t)) || ReleasedByPendingReset(t)))
                .Select(t => t.RuleId)
                .Concat(late.Select(c => $"watchdog: {c} not answering"))
                .ToList();
            return new PhaseInputs(probes, _primedFor, causes)
            {
                LeakCheck = _leakCheck, Reservoir = Reservoir, CircuitVolumeBaseline = _baseline.Volume, ExchangeLowest = _baseline.ExchangeLowest,
                AirDetectorUntested = !_before.ResumedAfterRestart && AirDetectorUntested(trips),
                PrimingAirSeen = PrimingAirSeen,
            };
        }

        /// <summary>
        /// The priming air seen in this run (SRS-PH-026); a procedure resumed after a restart counts as having seen it, as
        /// it is not held by the detector's check either (SRS-PH-025): its set was primed in the previous run.
        /// </summary>
        private bool PrimingAirSeen => _primingAirSeen || _before.ResumedAfterRestart;

        /// <summary>The air detector's functional check is failing in the gate's last verdict (SRS-IL-064, SRS-PH-025).</summary>
        private static bool AirDetectorUntested(IReadOnlyList<InterlockTrip> trips)
        {
            for (var i = 0; i < trips.Count; i++)
            {
                if (trips[i].RuleId == AirDetectorCheckRule.RuleId)
                {
                    return true;
                }
            }

            return false;
        }

        private ControlInputs ControlInputsOf(Temperature saferInflow, ActuatorCommand held)
        {
            var f = _sensors.Frame!;
            var probes = new ProbeReading[SensorFrame.AbdominalProbeCount];
            for (var i = 0; i < probes.Length; i++)
            {
                probes[i] = new ProbeReading(f.AbdomenProbe(i), _sensors.IsValid(SensorFrame.AbdomenChannel(i)));
            }

            return new ControlInputs(_phase.Current, _step._profile, saferInflow,
                _sensors.IsValid(SensorChannel.Outflow) ? f.Outflow : null, probes,
                _sensors.IsValid(SensorChannel.Flow) ? f.Flow : null, held);
        }

        private VolumetricFlow FlowTarget(Phase phase) => PhaseControlPolicy.For(phase).PumpRuns ? _step._profile.FlowTarget : VolumetricFlow.Zero;

        private FireResult Fire(PhaseTrigger trigger, PhaseInputs inputs, string detail, string? operatorCommand = null)
        {
            var step = Machine.Fire(_phase, trigger, Now, inputs, detail);
            _phase = step.State;
            var result = step.Result;
            if (operatorCommand is not null)
            {
                Log(LogPriority.Medium, result.Accepted
                    ? OperatorCommandEntry.WasAccepted(operatorCommand)
                    : OperatorCommandEntry.WasRefused(operatorCommand, result.RefusalReason!));
            }

            if (result.Transition is { } t)
            {
                Took(t);
            }

            return result;
        }

        /// <summary>Latches SafeState for a cause, or records it as a further cause, once per cause.</summary>
        private void FaultOnce(SafetyCause cause)
        {
            if (_phase.Current == Phase.EmergencyStop)
            {
                return; // everything is already off; the cause is seen again once the stop is released
            }

            if (_phase.Current == Phase.SafeState && _phase.LatchedCauses.Any(c => c.SameSourceAs(cause)))
            {
                return;
            }

            var step = Machine.Fault(_phase, Now, cause, Inputs());
            _phase = step.State;
            if (step.Result.Transition is { } t)
            {
                Took(t);
            }
        }

        /// <summary>Every transition taken: logged, and the circuit-volume baseline follows the procedure (SRS-IL-023).</summary>
        private void Took(PhaseTransition t)
        {
            LogTransition(t);
            if (t.To == Phase.PowerOnSelfTest)
            {
                // Back into the self-test (reset and Resume after it failed, e.g. a restart that found the heater
                // still hot): it is judged afresh, not failed again on the cycles it already spent.
                _selfTest = SelfTestJudge.Initial;
            }

            if (t.Trigger == PhaseTrigger.PrimingComplete && _baseline.InForce is null)
            {
                _baseline = _baseline.TakeNext(); // steady-volume perfusion begins
            }
            else if (t is { To: Phase.Washout, IsInternal: false } && t.Trigger is not PhaseTrigger.Resume and not PhaseTrigger.ResumeInterrupted)
            {
                // The perfusate is exchanged for saline on purpose: its dip is planned. Washout re-entered by Resume, or
                // after a restart, continues the exchange state it had (the checkpoint keeps it).
                _baseline = _baseline.StartExchange();
            }
            else if (t.Trigger == PhaseTrigger.ConfirmWashoutExchange)
            {
                _baseline = _baseline.TakeNext(); // the refilled circuit: this cycle's reading (the guard saw it valid)
            }
        }

        private void LogTransition(PhaseTransition t)
        {
            var high = t.To is Phase.SafeState or Phase.EmergencyStop or Phase.Interrupted;
            Log(high ? LogPriority.High : LogPriority.Medium, PhaseTransitionEntry.Of(t));
            if (t.To == Phase.SafeState && t.From != Phase.SafeState)
            {
                Log(LogPriority.High, new SafeStateEntry(SafeStateChange.Entered, t.Detail ?? t.Trigger.ToString()));
            }
            else if (t.From == Phase.SafeState && t.To != Phase.SafeState)
            {
                Log(LogPriority.Medium, new SafeStateEntry(SafeStateChange.Left, $"{t.Trigger} into {t.To}"));
            }
            else if (t.IsInternal && t.Trigger == PhaseTrigger.Fault)
            {
                Log(LogPriority.High, new FaultEntry("phase machine", $"further fault while latched: {t.Detail}"));
            }
        }

        private void SetCondition(AlarmCondition condition)
        {
            var index = _technical.ToList().FindIndex(c => c.ConditionId == condition.ConditionId);
            _technical = index < 0 ? _technical.Add(condition) : _technical.SetItem(index, condition);
        }

        private void Log(LogPriority priority, HazardLogEntry entry) => _records.Add(new CycleLogEntry(priority, entry));
    }
}
