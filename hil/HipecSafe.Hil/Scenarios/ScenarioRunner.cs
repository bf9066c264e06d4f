using System.Diagnostics;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Runs one scenario in lockstep: a new armed <see cref="SimulationRig"/> with the scenario's profile and seed (hazard
/// log at <c>&lt;output&gt;/hazard.log</c>), the auto operator, and the <see cref="FaultInjector"/>. The run ends at the
/// scenario's duration, when the procedure reaches Complete, or — when completion is not required, or the device has
/// latched SafeState and so cannot complete — once it has been held safe for <see cref="ScenarioRunOptions.SafeStateHold"/>.
/// Then the hazard log is read back and every expectation judged. The same scenario always gives the same run.
/// </summary>
public static class ScenarioRunner
{
    public static ScenarioRun Run(Scenario scenario, string outputDirectory, ScenarioRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= new ScenarioRunOptions();
        var wall = Stopwatch.StartNew();
        Directory.CreateDirectory(outputDirectory);
        var logPath = Path.GetFullPath(Path.Combine(outputDirectory, "hazard.log"));
        // The writer continues an existing log; a rerun must start from an empty one to be comparable. Its head goes
        // too: a head left over from the last run would make the new, empty log look cut short.
        File.Delete(logPath);
        File.Delete(HazardLogHead.PathFor(logPath));

        var rigOptions = new RigOptions(scenario.Profile, scenario.Seed, logPath) { FaultInjectionArmed = true };
        var run = new RunState(scenario, options, new SafeStateJudge(scenario.Profile));
        IReadOnlyList<FaultActivation> activations;
        TimeSpan? onset;
        using (var rig = new SimulationRig(rigOptions))
        {
            using var injector = new FaultInjector(rig, scenario.Name, scenario.Faults, scenario.Seed);
            rig.BoardStepped += _ => run.TrackMaxima(rig.Plant.State);
            var script = new OperatorScript(scenario.Script);
            var op = new AutoOperator(scenario.Profile, script);
            var limit = scenario.Duration.ToTimeSpan();
            var endReason = "duration reached";
            while (rig.Now < limit)
            {
                var cycle = rig.Step();
                injector.ObserveCycle(cycle);
                run.Observe(rig, cycle, injector.FirstOnset);
                if (run.StopReason(injector.AnyPending) is { } reason)
                {
                    endReason = reason;
                    break;
                }

                op.Act(rig);
            }

            injector.Finish(rig.Now, endReason);
            script.Finish(rig.Now, endReason);
            run.Script = script.Activations;
            run.End(rig.Now, endReason);
            activations = injector.Activations;
            onset = injector.FirstOnset;
        }

        var findings = new List<HazardLogFinding>();
        VerificationResult verification;
        using (var stream = File.OpenRead(logPath))
        {
            verification = HazardLogVerifier.Verify(stream, r =>
            {
                if (HazardLogFinding.Of(r) is { } finding)
                {
                    findings.Add(finding);
                }
            });
        }

        var observed = run.Observations(activations, onset, rigOptions.CyclePeriod, findings, verification);
        var result = new ScenarioResult(scenario.Name, scenario.Source, ExpectationChecker.Check(scenario, observed), observed, logPath, wall.Elapsed);
        return new ScenarioRun(scenario, result, run.Series);
    }

    /// <summary>What the loop accumulates as the run goes.</summary>
    private sealed class RunState(Scenario scenario, ScenarioRunOptions options, SafeStateJudge judge)
    {
        private readonly List<ScenarioSample> _series = [];
        private readonly Dictionary<Phase, TimeSpan> _entered = [];
        private readonly List<AlarmSighting> _alarms = [];
        private readonly HashSet<(string, Core.Alarms.AlarmPriority, TimeSpan)> _alarmKeys = [];
        private CycleReport? _report;
        private SafeStateSighting? _first;
        private SafeStateSighting? _afterOnset;
        private UnsafeProtection? _protectedButHeating;
        private TimeSpan? _safeSince;
        private TimeSpan? _latchedSince;
        private bool _completed;
        private bool _stoppedSafe;
        private TimeSpan _now;
        private TimeSpan _end;
        private string _endReason = "";
        private double _maxAbdomen = double.NegativeInfinity;
        private double _maxInflow = double.NegativeInfinity;
        private double _maxCore = double.NegativeInfinity;
        private double? _previousFlow;
        private ChemoCountedWithoutFlow _chemoWithoutFlow = ChemoCountedWithoutFlow.None;

        public IReadOnlyList<ScenarioSample> Series => _series;

        public IReadOnlyList<OperatorStepActivation> Script { get; set; } = [];

        /// <summary>Every board step: the limits hold for the truth at 20 Hz, not only at cycle ends.</summary>
        public void TrackMaxima(in Plant.PlantState truth)
        {
            _maxAbdomen = Math.Max(_maxAbdomen, truth.AbdomenMax.DegreesCelsius);
            _maxInflow = Math.Max(_maxInflow, truth.InflowTemperature.DegreesCelsius);
            _maxCore = Math.Max(_maxCore, truth.CoreTemperature.DegreesCelsius);
        }

        public void Observe(SimulationRig rig, RigCycle cycle, TimeSpan? onset)
        {
            _now = cycle.Time;
            // A stalled cycle has no report: the controller still stands where its last finished cycle left it.
            var previous = _report;
            _report = cycle.Report ?? _report;
            CountChemoWithoutFlow(previous, cycle);
            var phase = _report?.Phase ?? Phase.PowerOnSelfTest;
            _completed |= phase == Phase.Complete;
            _entered.TryAdd(phase, cycle.Time);
            // The report's alarms, and those annunciated outside it (the watchdog's, while the gate or the bus hangs).
            foreach (var alarm in (cycle.Report?.Alarms?.Alarms ?? []).Concat(cycle.Announced?.Alarms ?? []))
            {
                // One sighting per raise and priority: an escalation (medium → high) is a sighting of its own.
                var raisedAt = alarm.RaisedAt.ToTimeSpan();
                if (_alarmKeys.Add((alarm.ConditionId, alarm.Priority, raisedAt)))
                {
                    _alarms.Add(new AlarmSighting(alarm.ConditionId, alarm.Priority, raisedAt, cycle.Time));
                }
            }
            var seen = judge.Judge(rig.ActuatorBoard.Logic, cycle.Truth, _report);
            if (seen.ProtectedButHeating && onset is { } started && cycle.Time >= started)
            {
                _protectedButHeating ??= new UnsafeProtection(cycle.Time, seen.Protection!, seen.HeaterDeliveredW);
            }

            if (seen.IsSafe)
            {
                var sighting = new SafeStateSighting(cycle.Time, seen.Protection!, seen.PumpRunning, phase);
                _first ??= sighting;
                if (onset is { } o && cycle.Time >= o)
                {
                    _afterOnset ??= sighting;
                }

                _safeSince ??= cycle.Time;
            }
            else
            {
                _safeSince = null;
            }

            _latchedSince = phase is Phase.SafeState or Phase.EmergencyStop ? _latchedSince ?? cycle.Time : null;
            if (options.RecordSeries)
            {
                var truth = cycle.Truth;
                var command = _report?.Command;
                _series.Add(new ScenarioSample(
                    cycle.Time.TotalSeconds,
                    phase,
                    truth.AbdomenMax.DegreesCelsius,
                    truth.InflowTemperature.DegreesCelsius,
                    truth.CoreTemperature.DegreesCelsius,
                    truth.InflowFlow.LitersPerMinute,
                    truth.InflowLinePressure.MillimetersOfMercury,
                    command is { HeaterEnabled: true } ? command.HeaterPowerPermille : 0,
                    truth.HeaterPowerDelivered.Watts,
                    command?.PumpSpeedRpm ?? 0,
                    seen.IsSafe));
            }
        }

        /// <summary>
        /// Chemo time counted in a cycle whose start and end both saw no flow: the readout it judged was sampled in
        /// between, so no flow was there to see (SRS-PH-022).
        /// </summary>
        private void CountChemoWithoutFlow(CycleReport? previous, RigCycle cycle)
        {
            var flow = cycle.Truth.InflowFlow.LitersPerMinute;
            var counted = previous is not null && _report is not null ? _report.ChemoElapsed - previous.ChemoElapsed : TimeSpan.Zero;
            var c = _chemoWithoutFlow;
            if (flow < ChemoClockExpectation.NoFlowLPerMin && _previousFlow < ChemoClockExpectation.NoFlowLPerMin)
            {
                if (counted > TimeSpan.Zero)
                {
                    _chemoWithoutFlow = new ChemoCountedWithoutFlow(c.Total + counted, c.FirstAt ?? cycle.Time, c.Cycles + 1, c.ChemoCyclesWithoutFlow + 1);
                }
                else if (_report?.Phase == Phase.ChemoPerfusion)
                {
                    _chemoWithoutFlow = c with { ChemoCyclesWithoutFlow = c.ChemoCyclesWithoutFlow + 1 };
                }
            }

            _previousFlow = flow;
        }

        public string? StopReason(bool faultsPending)
        {
            if (_report?.Phase == Phase.Complete)
            {
                return "procedure complete";
            }

            var hold = options.SafeStateHold;
            if (_latchedSince is { } latched && _now - latched >= hold)
            {
                // Latched SafeState: only an operator reset leaves it, and the auto operator never resets one.
                _stoppedSafe = true;
                return $"held in {_report!.Phase} for {ScenarioTime.Span(hold)}";
            }

            // A controller that has latched SafeState ends the run by the rule above (its log then holds what followed the latch).
            if (!scenario.Expect.CompletionRequired && !faultsPending && _latchedSince is null && _safeSince is { } safe && _now - safe >= hold)
            {
                _stoppedSafe = true;
                return $"held safe for {ScenarioTime.Span(hold)} (completion not required)";
            }

            return null;
        }

        public void End(TimeSpan end, string reason)
        {
            _end = end;
            _endReason = reason;
        }

        public ScenarioObservations Observations(IReadOnlyList<FaultActivation> faults, TimeSpan? onset, TimeSpan cyclePeriod, IReadOnlyList<HazardLogFinding> findings, VerificationResult log) =>
            new(faults, onset, onset - cyclePeriod, _first, _afterOnset, _protectedButHeating, _maxAbdomen, _maxInflow, _maxCore, _completed, findings, log.Status, log.Describe(),
                _end, _report?.Phase, _endReason, _stoppedSafe, _entered, _alarms, Script, _chemoWithoutFlow);
    }
}
