using System.Globalization;
using System.Text;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Rig;

/// <summary>When the procedure entered a phase (simulated time of the first cycle reporting it).</summary>
public readonly record struct PhaseEntry(Phase Phase, TimeSpan At);

/// <summary>
/// The figures a procedure run is judged by, accumulated cycle by cycle (<see cref="Observe"/>, e.g. as the
/// <c>onCycle</c> of <see cref="ProcedureRunner.Run"/>) so a two-hour run needs no recording. Everything thermal is
/// read from the plant's truth, not from the sensors: the controller sees calibration offsets and noise, the patient
/// does not.
/// <list type="bullet">
/// <item>Heat-up: from the first Heating cycle to the first cycle with every true abdominal probe ≥ the profile's
/// drug-addition minimum, against <see cref="HeatUpBound"/> (full power from the first instant, same plant, the
/// profile's flow).</item>
/// <item>Overshoot, over the cascade phases (Heating, ReadyForChemo, ChemoPerfusion): the regulated abdominal
/// temperature (mean of the probes) above the profile's target, and the inflow above the controller's set-point.</item>
/// <item>ChemoPerfusion: inflow control error (truth inflow − the controller's set-point of the same cycle), the
/// abdominal probes against the band, flow error against the profile target once the pump has run
/// <see cref="FlowSettleTime"/>.</item>
/// </list>
/// </summary>
public sealed class ProcedureMetrics
{
    /// <summary>Flow samples this soon after the pump (re)started are not judged: the soft start ramps the flow.</summary>
    public static readonly TimeSpan DefaultFlowSettleTime = TimeSpan.FromSeconds(30);

    /// <summary>Heat-up references that take longer than this count as unreachable.</summary>
    private static readonly Duration HeatUpLimit = Duration.FromMinutes(60);

    /// <summary>Step of the heat-up reference simulations (the plant's own sub-step).</summary>
    private static readonly Duration ReferenceStep = Duration.FromMilliseconds(50);

    private readonly List<PhaseEntry> _phases = [];
    private readonly HashSet<string> _trips = new(StringComparer.Ordinal);
    private readonly Lazy<Duration?> _bound;
    private readonly Lazy<Duration?> _inflowLimited;
    private Phase? _lastPhase;
    private TimeSpan? _heatingStart;
    private TimeSpan? _pumpRunningSince;
    private TimeSpan? _chemoStart;
    private bool _observedAny;
    private double _inflowErrorSquares;
    private double _inflowErrorMax;
    private int _inflowErrorCount;

    public ProcedureMetrics(TreatmentProfile profile, PlantParameters plant, TimeSpan? flowSettleTime = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plant);
        Profile = profile;
        FlowSettleTime = flowSettleTime ?? DefaultFlowSettleTime;
        if (FlowSettleTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(flowSettleTime), flowSettleTime, "flow settle time must be ≥ 0");
        }

        _bound = new Lazy<Duration?>(() => HeatUpBound.Compute(plant, profile.FlowTarget, profile.DrugAdditionMinimum, HeatUpLimit));
        var ceiling = Temperature.FromDegreesCelsius(Math.Min(profile.InflowSetpointMax.DegreesCelsius, HardBounds.InflowSetpointMaxC));
        _inflowLimited = new Lazy<Duration?>(() => InflowLimitedHeatUp(plant, profile.FlowTarget, profile.DrugAdditionMinimum, ceiling, HeatUpLimit));
    }

    public TreatmentProfile Profile { get; }

    public TimeSpan FlowSettleTime { get; }

    /// <summary>Phases in the order they were entered, with the time (a phase entered twice appears twice).</summary>
    public IReadOnlyList<PhaseEntry> Phases => _phases;

    public TimeSpan SimulatedTime { get; private set; }

    public bool Completed => _lastPhase == Phase.Complete;

    /// <summary>SafeState or EmergencyStop was reported in some cycle.</summary>
    public bool SafeStateEntered { get; private set; }

    /// <summary>Interlock rules that were active in some cycle (rule ids, sorted).</summary>
    public IReadOnlyList<string> TripsSeen => [.. _trips.Order(StringComparer.Ordinal)];

    /// <summary>Cycles that stopped at a stalled actor (no report).</summary>
    public int CyclesWithoutReport { get; private set; }

    /// <summary>Start of Heating to every true abdominal probe ≥ the drug-addition minimum; null if never reached.</summary>
    public TimeSpan? HeatUp { get; private set; }

    /// <summary>The physical bound for the same plant and flow (full power from the start); null if unreachable in an hour.</summary>
    public TimeSpan? HeatUpBoundTime => _bound.Value?.ToTimeSpan();

    /// <summary>Heat-up ÷ bound; null when either is missing.</summary>
    public double? HeatUpRatio => HeatUp is { } h && HeatUpBoundTime is { } b && b > TimeSpan.Zero ? h / b : null;

    /// <summary>The fastest heat-up the same plant allows with the inflow never above the profile's inflow set-point
    /// ceiling (<see cref="InflowLimitedHeatUp"/>); null if unreachable in an hour.</summary>
    public TimeSpan? HeatUpInflowLimitedTime => _inflowLimited.Value?.ToTimeSpan();

    /// <summary>Heat-up ÷ the inflow-limited reference; null when either is missing.</summary>
    public double? HeatUpInflowLimitedRatio =>
        HeatUp is { } h && HeatUpInflowLimitedTime is { } b && b > TimeSpan.Zero ? h / b : null;

    /// <summary>Highest mean of the true abdominal probes above the target during the cascade phases (0 if never above).</summary>
    public double AbdominalOvershootC { get; private set; }

    /// <summary>Highest true inflow above the controller's inflow set-point during the cascade phases (0 if never above).</summary>
    public double InflowOvershootC { get; private set; }

    /// <summary>Largest |truth inflow − set-point| during ChemoPerfusion; null when there was no such cycle.</summary>
    public double? InflowErrorMaxC => _inflowErrorCount > 0 ? _inflowErrorMax : null;

    /// <summary>RMS of truth inflow − set-point during ChemoPerfusion.</summary>
    public double? InflowErrorRmsC => _inflowErrorCount > 0 ? Math.Sqrt(_inflowErrorSquares / _inflowErrorCount) : null;

    /// <summary>Largest |truth flow − profile target| ÷ target in % during ChemoPerfusion once the flow has settled.</summary>
    public double? FlowErrorMaxPercent { get; private set; }

    /// <summary>Coldest and hottest true abdominal probe during ChemoPerfusion.</summary>
    public double? ChemoAbdomenMinC { get; private set; }

    public double? ChemoAbdomenMaxC { get; private set; }

    /// <summary>From the start of ChemoPerfusion until every true abdominal probe is first inside the profile's band
    /// (the drug goes in at the drug-addition minimum, below the band, so chemo starts below it); null if never.</summary>
    public TimeSpan? ChemoTimeToBand { get; private set; }

    /// <summary>Coldest and hottest true abdominal probe during ChemoPerfusion once every probe had entered the band.</summary>
    public double? ChemoInBandMinC { get; private set; }

    public double? ChemoInBandMaxC { get; private set; }

    /// <summary>Hottest true abdominal probe over the whole run.</summary>
    public double AbdomenMaxC { get; private set; } = double.NegativeInfinity;

    /// <summary>Highest true core temperature over the whole run.</summary>
    public double CoreMaxC { get; private set; } = double.NegativeInfinity;

    /// <summary>Time spent in ChemoPerfusion (each cycle accounts for the interval since the previous cycle).</summary>
    public TimeSpan ChemoTime { get; private set; }

    /// <summary>
    /// The part of <see cref="ChemoTime"/> in cycles the controller reported its chemo clock held (pump stopped or the
    /// abdomen below the band, SRS-PH-022): ChemoTime less this is the chemo time the controller counted.
    /// </summary>
    public TimeSpan ChemoClockHeld { get; private set; }

    /// <summary>Takes one rig cycle into account; cycles must come in time order.</summary>
    public void Observe(RigCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        // A cycle accounts for the time since the previous one (none for the first).
        var interval = _observedAny ? cycle.Time - SimulatedTime : TimeSpan.Zero;
        _observedAny = true;
        SimulatedTime = cycle.Time;
        var truth = cycle.Truth;
        AbdomenMaxC = Math.Max(AbdomenMaxC, truth.AbdomenMax.DegreesCelsius);
        CoreMaxC = Math.Max(CoreMaxC, truth.CoreTemperature.DegreesCelsius);
        if (cycle.Report is not { } report)
        {
            CyclesWithoutReport++;
            return;
        }

        var phase = report.Phase;
        if (phase != _lastPhase)
        {
            _phases.Add(new PhaseEntry(phase, cycle.Time));
            _lastPhase = phase;
        }

        SafeStateEntered |= report.InSafeState;
        foreach (var trip in report.ActiveTrips)
        {
            _trips.Add(trip);
        }

        ObserveHeatUp(phase, cycle.Time, truth);
        ObserveOvershoot(phase, truth, report.InflowSetpointC);
        var pumpRuns = report.Command.PumpSpeedRpm > 0 && report.Command.ClampOpen;
        _pumpRunningSince = pumpRuns ? _pumpRunningSince ?? cycle.Time : null;
        if (phase == Phase.ChemoPerfusion)
        {
            ChemoTime += interval;
            ChemoClockHeld += report.ClockHeld is null ? TimeSpan.Zero : interval;
            ObserveChemo(cycle.Time, truth, report.InflowSetpointC);
        }
    }

    private void ObserveHeatUp(Phase phase, TimeSpan time, in PlantState truth)
    {
        if (phase == Phase.Heating)
        {
            _heatingStart ??= time;
        }

        if (HeatUp is null && _heatingStart is { } start && truth.AbdomenMin >= Profile.DrugAdditionMinimum)
        {
            HeatUp = time - start;
        }
    }

    private void ObserveOvershoot(Phase phase, in PlantState truth, double? inflowSetpointC)
    {
        if (phase is not (Phase.Heating or Phase.ReadyForChemo or Phase.ChemoPerfusion))
        {
            return;
        }

        AbdominalOvershootC = Math.Max(AbdominalOvershootC, ProbeMean(truth) - Profile.AbdominalTarget.DegreesCelsius);
        if (inflowSetpointC is { } setpoint)
        {
            InflowOvershootC = Math.Max(InflowOvershootC, truth.InflowTemperature.DegreesCelsius - setpoint);
        }
    }

    private void ObserveChemo(TimeSpan time, in PlantState truth, double? inflowSetpointC)
    {
        if (inflowSetpointC is { } setpoint)
        {
            var error = truth.InflowTemperature.DegreesCelsius - setpoint;
            _inflowErrorMax = Math.Max(_inflowErrorMax, Math.Abs(error));
            _inflowErrorSquares += error * error;
            _inflowErrorCount++;
        }

        var coldest = truth.AbdomenMin.DegreesCelsius;
        var hottest = truth.AbdomenMax.DegreesCelsius;
        ChemoAbdomenMinC = Math.Min(ChemoAbdomenMinC ?? double.PositiveInfinity, coldest);
        ChemoAbdomenMaxC = Math.Max(ChemoAbdomenMaxC ?? double.NegativeInfinity, hottest);
        _chemoStart ??= time;
        if (ChemoTimeToBand is null && truth.AbdomenMin >= Profile.AbdominalBandLow && truth.AbdomenMax <= Profile.AbdominalBandHigh)
        {
            ChemoTimeToBand = time - _chemoStart.Value;
        }

        if (ChemoTimeToBand is not null)
        {
            ChemoInBandMinC = Math.Min(ChemoInBandMinC ?? double.PositiveInfinity, coldest);
            ChemoInBandMaxC = Math.Max(ChemoInBandMaxC ?? double.NegativeInfinity, hottest);
        }

        if (_pumpRunningSince is { } since && time - since >= FlowSettleTime)
        {
            var target = Profile.FlowTarget.MillilitersPerMinute;
            var percent = Math.Abs(truth.InflowFlow.MillilitersPerMinute - target) / target * 100.0;
            FlowErrorMaxPercent = Math.Max(FlowErrorMaxPercent ?? 0, percent);
        }
    }

    /// <summary>
    /// Time from start until every true abdominal probe is ≥ <paramref name="threshold"/> when the heater runs at full
    /// power while the heat-exchanger outlet is below <paramref name="inflowCeiling"/> and is off once it reaches it, at a
    /// fixed flow from a fresh plant (as <see cref="HeatUpBound"/>). The inflow line only mixes and cools what leaves the
    /// exchanger, so the inflow never passes the ceiling: this is the heat-up a controller that honours its inflow
    /// set-point ceiling can approach (it can gain at most the line's small heat loss, ≈ 0.15 K at 2 L/min, on it),
    /// where <see cref="HeatUpBound"/> lets the inflow run several kelvin above that ceiling. Null when not reached
    /// within <paramref name="limit"/>.
    /// </summary>
    public static Duration? InflowLimitedHeatUp(PlantParameters parameters, VolumetricFlow flow, Temperature threshold, Temperature inflowCeiling, Duration limit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(flow.MillilitersPerMinute > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(flow), flow, "the inflow-limited heat-up needs a positive flow");
        }

        var rpm = flow.MillilitersPerMinute / parameters.TubingMillilitersPerRevolution;
        if (rpm > parameters.PumpMaxRpm)
        {
            throw new ArgumentOutOfRangeException(nameof(flow), flow,
                string.Create(CultureInfo.InvariantCulture, $"flow needs {rpm:0.#} rpm, above the pump's {parameters.PumpMaxRpm:0.#} rpm"));
        }

        var plant = new PerfusionPlant(parameters);
        while (plant.State.Time < limit)
        {
            var permille = plant.State.HeaterOutletTemperature < inflowCeiling ? 1000 : 0;
            plant.Step(ReferenceStep, new PlantInputs(permille, HeaterRelayClosed: true, rpm, ClampOpen: true));
            if (plant.State.AbdomenMin >= threshold)
            {
                return plant.State.Time;
            }
        }

        return null;
    }

    private static double ProbeMean(in PlantState truth) =>
        (truth.AbdomenProbe1.DegreesCelsius + truth.AbdomenProbe2.DegreesCelsius + truth.AbdomenProbe3.DegreesCelsius + truth.AbdomenProbe4.DegreesCelsius) / 4.0;

    /// <summary>Runs <paramref name="rig"/> with the auto operator (<see cref="ProcedureRunner"/>) and measures it.</summary>
    public static ProcedureMetrics Run(SimulationRig rig, TimeSpan limit, Action<RigCycle>? onCycle = null)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var metrics = new ProcedureMetrics(rig.Options.Profile, rig.Options.Plant);
        ProcedureRunner.Run(rig, limit, c =>
        {
            metrics.Observe(c);
            onCycle?.Invoke(c);
        });
        return metrics;
    }

    /// <summary>One <c>name: value</c> line per figure (invariant culture; "-" when not reached).</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        string Num(double? v, string format) => v is { } x ? x.ToString(format, inv) : "-";
        var b = new StringBuilder();
        void Line(string name, string value) => b.Append(name).Append(": ").Append(value).Append('\n');
        Line("phases", string.Join(", ", _phases.Select(p => string.Create(inv, $"{p.Phase}@{p.At.TotalSeconds:0.0}s"))));
        Line("completed", Completed ? "true" : "false");
        Line("simulated_seconds", Num(SimulatedTime.TotalSeconds, "0.0"));
        Line("heatup_seconds", Num(HeatUp?.TotalSeconds, "0.0"));
        Line("heatup_bound_seconds", Num(HeatUpBoundTime?.TotalSeconds, "0.0"));
        Line("heatup_ratio", Num(HeatUpRatio, "0.000"));
        Line("heatup_inflow_limited_seconds", Num(HeatUpInflowLimitedTime?.TotalSeconds, "0.0"));
        Line("heatup_inflow_limited_ratio", Num(HeatUpInflowLimitedRatio, "0.000"));
        Line("abdominal_overshoot_c", Num(AbdominalOvershootC, "0.000"));
        Line("inflow_overshoot_c", Num(InflowOvershootC, "0.000"));
        Line("inflow_error_max_c", Num(InflowErrorMaxC, "0.000"));
        Line("inflow_error_rms_c", Num(InflowErrorRmsC, "0.000"));
        Line("chemo_abdomen_min_c", Num(ChemoAbdomenMinC, "0.000"));
        Line("chemo_abdomen_max_c", Num(ChemoAbdomenMaxC, "0.000"));
        Line("chemo_time_to_band_seconds", Num(ChemoTimeToBand?.TotalSeconds, "0.0"));
        Line("chemo_in_band_min_c", Num(ChemoInBandMinC, "0.000"));
        Line("chemo_in_band_max_c", Num(ChemoInBandMaxC, "0.000"));
        Line("flow_error_max_pct", Num(FlowErrorMaxPercent, "0.00"));
        Line("abdomen_max_c", Num(AbdomenMaxC, "0.000"));
        Line("core_max_c", Num(CoreMaxC, "0.000"));
        Line("chemo_seconds", Num(ChemoTime.TotalSeconds, "0.0"));
        Line("safe_state_entered", SafeStateEntered ? "true" : "false");
        Line("trips", _trips.Count == 0 ? "none" : string.Join(", ", TripsSeen));
        return b.ToString();
    }
}
