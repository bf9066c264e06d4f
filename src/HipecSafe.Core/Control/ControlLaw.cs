using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// The control law: each cycle, from the phase, the profile and the measurements, the actuator command it would
/// like (interlocks constrain it afterwards). Pure, single-owner, time passed in.
/// <code>
/// abdominal loop:  T_ctl (AbdominalFeedback) → inflow set-point ∈ [profile min, min(profile max, 44.5 °C)]
/// inflow loop:     safer inflow T → heater ‰ = FF(ṁ·c·(set-point − outflow)) + PI, ∈ [0, 1000]
/// flow loop:       measured flow → pump rpm = reference ÷ mL/rev + PI trim (± FlowTrimFraction)
/// </code>
/// Every loop engages bumplessly from the command actually applied last cycle, and tracks that command when an
/// interlock changed it, so there is no step in heater or pump command when a loop engages or is released.
/// </summary>
public sealed class ControlLaw
{
    /// <summary>Longest time step integrated at once: a stalled cycle must not become one huge integration.</summary>
    public static readonly Duration MaxTimeStep = Duration.FromSeconds(1);

    /// <summary>An applied pump speed this far from the one asked for means something else set the pump.</summary>
    private const double PumpTrackToleranceRpm = 0.5;

    private readonly Pid _abdominal;
    private readonly Pid _inflow;
    private readonly Pid _flow;

    private Duration? _lastNow;
    private ActuatorCommand _lastDesired = ActuatorCommand.Safe;
    private bool _flowEngaged;
    private bool _inflowEngaged;
    private bool _abdominalEngaged;
    private bool _feedForwardAvailable;
    private int _lastProbeMask;
    private double _flowReferenceMlPerMin;
    private double _inflowSetpointC;
    private PidSaturation _inflowSaturation;

    public ControlLaw(ControlGains? gains = null, ControlPlantModel? plant = null)
    {
        Gains = gains ?? ControlGains.Default;
        Plant = plant ?? ControlPlantModel.Default;
        Gains.Validate();
        Plant.Validate();
        _abdominal = new Pid(Gains.Abdominal, "abdominal");
        _inflow = new Pid(Gains.Inflow, "inflow");
        _flow = new Pid(Gains.Flow, "flow");
    }

    public ControlGains Gains { get; }

    public ControlPlantModel Plant { get; }

    /// <summary>The command returned by the last step (the safe command before the first).</summary>
    public ActuatorCommand LastCommand => _lastDesired;

    /// <summary>Forgets all loop state; the next step engages every loop afresh from its applied command.</summary>
    public void Reset()
    {
        _lastNow = null;
        _lastDesired = ActuatorCommand.Safe;
        _flowEngaged = _inflowEngaged = _abdominalEngaged = false;
        _abdominal.Reset();
        _inflow.Reset();
        _flow.Reset();
    }

    public ControlOutput Step(Duration now, ControlInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Validate(inputs);
        var (dt, capped) = TimeStep(now);
        var plan = PhaseControlPolicy.For(inputs.Phase);
        var applied = inputs.AppliedCommand ?? _lastDesired;
        var abdominal = AbdominalFeedback.From(inputs.AbdominalProbes, inputs.Profile, Gains.HotProbeMargin);

        var pump = PumpStep(plan, inputs, applied, dt);
        var heater = HeaterStep(plan, inputs, applied, abdominal, dt);

        var heaterPermille = (int)Math.Round(heater.Permille, MidpointRounding.AwayFromZero);
        var command = new ActuatorCommand(
            heaterPermille,
            pump.Rpm,
            ClampOpen: plan.ClampOpen,
            HeaterEnabled: heaterPermille > 0);
        _lastDesired = command;
        var diagnostics = new ControlDiagnostics(plan, dt, capped, heater.Setpoint, abdominal, heater.FeedbackLost,
            heater.Outer, heater.Inner, pump.Terms, heater.FeedForward,
            VolumetricFlow.FromMillilitersPerMinute(pump.ReferenceMlPerMin), pump.FeedForwardRpm, heater.HeldReason, pump.HeldReason);
        return new ControlOutput(command, diagnostics);
    }

    private (Duration Dt, bool Capped) TimeStep(Duration now)
    {
        if (!double.IsFinite(now.Seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "control time must be a finite number of seconds");
        }

        if (_lastNow is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"control time went backwards: {now} after {last}");
        }

        var dt = _lastNow is { } previous ? now - previous : Duration.Zero;
        _lastNow = now;
        return dt > MaxTimeStep ? (MaxTimeStep, true) : (dt, false);
    }

    private readonly record struct PumpResult(double Rpm, double ReferenceMlPerMin, double FeedForwardRpm, PidTerms? Terms, string? HeldReason);

    private PumpResult PumpStep(LoopPlan plan, ControlInputs inputs, ActuatorCommand applied, Duration dt)
    {
        if (!plan.PumpRuns)
        {
            _flowEngaged = false;
            _flowReferenceMlPerMin = 0;
            return new PumpResult(0, 0, 0, null, null);
        }

        var profile = inputs.Profile;
        var mlPerRev = profile.TubingMillilitersPerRevolution;
        var targetMlPerMin = profile.FlowTarget.MillilitersPerMinute;
        var trimLimit = Gains.FlowTrimFraction * Math.Min(targetMlPerMin / mlPerRev, Plant.PumpMaxRpm);
        var measuredRpmEquivalent = inputs.MeasuredFlow is { } f ? f.MillilitersPerMinute / mlPerRev : (double?)null;

        // Engage, or re-engage when something else set the pump (an interlock stopped it): restart the ramp from
        // what the pump is actually doing, so the command continues from there instead of jumping.
        var appliedRpm = applied.PumpSpeedRpm;
        if (!_flowEngaged || Math.Abs(appliedRpm - _lastDesired.PumpSpeedRpm) > PumpTrackToleranceRpm)
        {
            _flowReferenceMlPerMin = appliedRpm * mlPerRev;
            var referenceRpm = Math.Min(appliedRpm, Plant.PumpMaxRpm);
            _flow.Track(appliedRpm - referenceRpm, referenceRpm, measuredRpmEquivalent ?? referenceRpm,
                TrimRange(trimLimit, referenceRpm));
            _flowEngaged = true;
        }

        var rampStep = Gains.FlowRampLitersPerMinutePerSecond * 1000.0 * dt.Seconds;
        _flowReferenceMlPerMin = MoveTowards(_flowReferenceMlPerMin, targetMlPerMin, rampStep);
        var feedForwardRpm = Math.Min(_flowReferenceMlPerMin / mlPerRev, Plant.PumpMaxRpm);
        var range = TrimRange(trimLimit, feedForwardRpm);

        PidTerms? terms = null;
        string? held = null;
        double trim;
        if (measuredRpmEquivalent is { } measured)
        {
            var step = _flow.Step(feedForwardRpm, measured, dt, range);
            terms = step;
            trim = step.Output;
        }
        else
        {
            held = "flow measurement invalid: pump runs on feed-forward with the last trim";
            trim = range.Clamp(_flow.LastOutput);
        }

        var rpm = Math.Clamp(feedForwardRpm + trim, 0, Plant.PumpMaxRpm);
        return new PumpResult(rpm, _flowReferenceMlPerMin, feedForwardRpm, terms, held);
    }

    /// <summary>The trim may not exceed ±limit, nor take the total below 0 or above the pump's maximum.</summary>
    private OutputRange TrimRange(double trimLimit, double feedForwardRpm) =>
        new(Math.Max(-trimLimit, -feedForwardRpm), Math.Max(0, Math.Min(trimLimit, Plant.PumpMaxRpm - feedForwardRpm)));

    private readonly record struct HeaterResult(
        double Permille, Temperature? Setpoint, double FeedForward, PidTerms? Outer, PidTerms? Inner, bool FeedbackLost, string? HeldReason);

    private HeaterResult HeaterStep(LoopPlan plan, ControlInputs inputs, ActuatorCommand applied, AbdominalFeedback abdominal, Duration dt)
    {
        string? held = null;
        if (plan.Heater == HeaterMode.Off)
        {
            Disengage();
            return new HeaterResult(0, null, 0, null, null, false, null);
        }

        if (inputs.MeasuredFlow is not { } flow)
        {
            held = "flow measurement invalid: no heating without proven flow";
        }
        else if (flow < Plant.MinimumFlowForHeating)
        {
            held = $"flow {flow} below {Plant.MinimumFlowForHeating}: no heating without circulation";
        }

        if (held is not null)
        {
            Disengage();
            return new HeaterResult(0, null, 0, null, null, false, held);
        }

        PidTerms? outer = null;
        var feedbackLost = false;
        double setpoint;
        if (plan.Heater == HeaterMode.Cascade)
        {
            (setpoint, outer, feedbackLost) = AbdominalStep(inputs, abdominal, dt);
        }
        else
        {
            _abdominalEngaged = false;
            setpoint = Math.Min(Gains.WashoutInflowSetpoint.DegreesCelsius, HardBounds.InflowSetpointMaxC);
        }

        var inflow = inputs.SaferInflow.DegreesCelsius;
        var feedForward = inputs.Outflow is { } outflow
            ? HeaterFeedForward.Permille(inputs.MeasuredFlow!.Value, Temperature.FromDegreesCelsius(setpoint), outflow, Plant)
            : 0.0;
        var range = new OutputRange(0, ActuatorCommand.MaxHeaterPermille);

        // Bumpless: engage from the heater power actually applied; re-track when an interlock changed it or when the
        // feed-forward appears or disappears (outflow probe validity), so neither causes a step.
        var appliedPermille = applied.HeaterEnabled ? applied.HeaterPowerPermille : 0;
        var desiredPermille = _lastDesired.HeaterEnabled ? _lastDesired.HeaterPowerPermille : 0;
        var hasFeedForward = inputs.Outflow is not null;
        if (!_inflowEngaged || appliedPermille != desiredPermille || hasFeedForward != _feedForwardAvailable)
        {
            _inflow.Track(_inflowEngaged && appliedPermille == desiredPermille ? _inflow.LastOutput : appliedPermille,
                setpoint, inflow, range, feedForward);
            _inflowEngaged = true;
            _feedForwardAvailable = hasFeedForward;
        }

        var authority = hasFeedForward ? Gains.InflowIntegralAuthorityPermille : double.PositiveInfinity;
        var inner = _inflow.Step(setpoint, inflow, dt, range, feedForward, integralLimit: authority);
        _inflowSaturation = inner.Saturation;
        return new HeaterResult(inner.Output, Temperature.FromDegreesCelsius(setpoint), feedForward, outer, inner, feedbackLost, null);
    }

    private (double Setpoint, PidTerms? Terms, bool FeedbackLost) AbdominalStep(ControlInputs inputs, AbdominalFeedback abdominal, Duration dt)
    {
        var profile = inputs.Profile;
        var range = new OutputRange(profile.InflowSetpointMin.DegreesCelsius,
            Math.Min(profile.InflowSetpointMax.DegreesCelsius, HardBounds.InflowSetpointMaxC));
        var nominal = range.Clamp(profile.InflowTarget.DegreesCelsius);
        var target = profile.AbdominalTarget.DegreesCelsius;

        if (abdominal.Controlled is not { } controlled)
        {
            // No valid probe: hold the set-point, and never above the profile's starting inflow set-point.
            var held = Math.Min(_abdominalEngaged ? _inflowSetpointC : nominal, nominal);
            _abdominal.Track(held, target, target, range, nominal);
            _abdominalEngaged = true;
            _lastProbeMask = 0;
            _inflowSetpointC = range.Clamp(held);
            return (_inflowSetpointC, null, true);
        }

        var measured = controlled.DegreesCelsius;
        if (!_abdominalEngaged)
        {
            // The outer output is a set-point, not an actuator: start from the profile's nominal inflow set-point
            // with an empty integrator. The heater itself engages bumplessly in the inflow loop.
            _abdominal.Reset();
        }
        else if (abdominal.ValidMask != _lastProbeMask)
        {
            // A probe dropped out or came back: the mean jumps, the set-point must not.
            _abdominal.Track(_inflowSetpointC, target, measured, range, nominal);
        }

        var hold = _inflowEngaged
            ? _inflowSaturation switch
            {
                PidSaturation.High => IntegratorHold.Up,
                PidSaturation.Low => IntegratorHold.Down,
                _ => IntegratorHold.None,
            }
            : IntegratorHold.None;
        var terms = _abdominal.Step(target, measured, dt, range, nominal, hold);
        _abdominalEngaged = true;
        _lastProbeMask = abdominal.ValidMask;
        _inflowSetpointC = terms.Output;
        return (terms.Output, terms, false);
    }

    private void Disengage()
    {
        _inflowEngaged = false;
        _abdominalEngaged = false;
        _inflowSaturation = PidSaturation.None;
    }

    private static double MoveTowards(double value, double target, double maxStep) =>
        value < target ? Math.Min(target, value + maxStep) : Math.Max(target, value - maxStep);

    private static void Validate(ControlInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs.Profile);
        ArgumentNullException.ThrowIfNull(inputs.AbdominalProbes);
        var inv = CultureInfo.InvariantCulture;
        void Finite(string name, double value, string unit)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"control input {name} must be a finite number of {unit}; it was {value.ToString(inv)}");
            }
        }

        Finite(nameof(inputs.SaferInflow), inputs.SaferInflow.DegreesCelsius, "°C");
        if (inputs.Outflow is { } outflow)
        {
            Finite(nameof(inputs.Outflow), outflow.DegreesCelsius, "°C");
        }

        if (inputs.MeasuredFlow is { } flow)
        {
            Finite(nameof(inputs.MeasuredFlow), flow.MillilitersPerMinute, "mL/min");
        }

        if (inputs.AppliedCommand is { } applied)
        {
            Finite("AppliedCommand.PumpSpeedRpm", applied.PumpSpeedRpm, "rpm");
        }

        var p = inputs.Profile;
        if (!(p.TubingMillilitersPerRevolution > 0) || !double.IsFinite(p.TubingMillilitersPerRevolution))
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), p.TubingMillilitersPerRevolution,
                $"profile '{p.Name}': TubingMillilitersPerRevolution must be > 0; it was {p.TubingMillilitersPerRevolution.ToString(inv)}");
        }

        var effectiveMax = Math.Min(p.InflowSetpointMax.DegreesCelsius, HardBounds.InflowSetpointMaxC);
        if (!(p.InflowSetpointMin.DegreesCelsius <= effectiveMax))
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), p.InflowSetpointMin,
                $"profile '{p.Name}': InflowSetpointMin {p.InflowSetpointMin} is above the usable maximum {Temperature.FromDegreesCelsius(effectiveMax)} " +
                $"(min of InflowSetpointMax and the hard bound {HardBounds.InflowSetpointMaxC.ToString(inv)} °C)");
        }

        Finite("Profile.FlowTarget", p.FlowTarget.MillilitersPerMinute, "mL/min");
        Finite("Profile.AbdominalTarget", p.AbdominalTarget.DegreesCelsius, "°C");
        Finite("Profile.InflowTarget", p.InflowTarget.DegreesCelsius, "°C");
    }
}
