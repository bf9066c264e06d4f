using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// The control law: each cycle, from the phase, the profile and the measurements, the actuator command it would
/// like (interlocks constrain it afterwards). Time is passed in.
/// <code>
/// abdominal loop:  T_ctl (AbdominalFeedback) → inflow set-point ∈ [profile min, min(profile max, 44.5 °C)]
/// inflow loop:     safer inflow T → heater ‰ = FF(ṁ·c·(set-point − outflow)) + PI, ∈ [0, 1000]
/// flow loop:       measured flow → pump rpm = reference ÷ mL/rev + PI trim (± FlowTrimFraction)
/// </code>
/// Every loop engages bumplessly from the command actually applied last cycle, and tracks that command when an
/// interlock changed it, so there is no step in heater or pump command when a loop engages or is released.
/// Pure: the state is passed in and returned (<see cref="ControlLawState"/>); an instance holds only configuration
/// (gains, plant model), so the same inputs from the same state always give the same step.
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

    /// <summary>
    /// One control cycle at <paramref name="now"/> from <paramref name="state"/> (<see cref="ControlLawState.Initial"/>
    /// for the first). Throws on bad inputs or time going backwards; the caller's state is then unchanged.
    /// </summary>
    public ControlStep Step(ControlLawState state, Duration now, ControlInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Validate(inputs);
        var (dt, capped) = TimeStep(state.LastTime, now);
        var plan = PhaseControlPolicy.For(inputs.Phase);
        var applied = inputs.AppliedCommand ?? state.LastDesired;
        var abdominal = AbdominalFeedback.From(inputs.AbdominalProbes, inputs.Profile, Gains.HotProbeMargin);

        var pump = PumpStep(state, plan, inputs, applied, dt);
        var heater = HeaterStep(pump.State, plan, inputs, applied, abdominal, dt);

        var heaterPermille = (int)Math.Round(heater.Permille, MidpointRounding.AwayFromZero);
        var command = new ActuatorCommand(
            heaterPermille,
            pump.Rpm,
            ClampOpen: plan.ClampOpen,
            HeaterEnabled: heaterPermille > 0);
        var diagnostics = new ControlDiagnostics(plan, dt, capped, heater.Setpoint, abdominal, heater.FeedbackLost,
            heater.Outer, heater.Inner, pump.Terms, heater.FeedForward,
            VolumetricFlow.FromMillilitersPerMinute(pump.ReferenceMlPerMin), pump.FeedForwardRpm, heater.HeldReason, pump.HeldReason);
        var next = heater.State with { LastTime = now, LastDesired = command };
        return new ControlStep(new ControlOutput(command, diagnostics), next);
    }

    private static (Duration Dt, bool Capped) TimeStep(Duration? lastTime, Duration now)
    {
        if (!double.IsFinite(now.Seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "control time must be a finite number of seconds");
        }

        if (lastTime is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"control time went backwards: {now} after {last}");
        }

        var dt = lastTime is { } previous ? now - previous : Duration.Zero;
        return dt > MaxTimeStep ? (MaxTimeStep, true) : (dt, false);
    }

    private readonly record struct PumpResult(
        double Rpm, double ReferenceMlPerMin, double FeedForwardRpm, PidTerms? Terms, string? HeldReason, ControlLawState State);

    private PumpResult PumpStep(ControlLawState state, LoopPlan plan, ControlInputs inputs, ActuatorCommand applied, Duration dt)
    {
        if (!plan.PumpRuns)
        {
            return new PumpResult(0, 0, 0, null, null, state with { FlowEngaged = false, FlowReferenceMlPerMin = 0 });
        }

        var profile = inputs.Profile;
        var mlPerRev = profile.TubingMillilitersPerRevolution;
        var targetMlPerMin = profile.FlowTarget.MillilitersPerMinute;
        var trimLimit = Gains.FlowTrimFraction * Math.Min(targetMlPerMin / mlPerRev, Plant.PumpMaxRpm);
        var measuredRpmEquivalent = inputs.MeasuredFlow is { } f ? f.MillilitersPerMinute / mlPerRev : (double?)null;

        // Engage, or re-engage when something else set the pump (an interlock stopped it): restart the ramp from
        // what the pump is actually doing, so the command continues from there instead of jumping.
        var referenceMlPerMin = state.FlowReferenceMlPerMin;
        var flow = state.Flow;
        var appliedRpm = applied.PumpSpeedRpm;
        if (!state.FlowEngaged || Math.Abs(appliedRpm - state.LastDesired.PumpSpeedRpm) > PumpTrackToleranceRpm)
        {
            referenceMlPerMin = appliedRpm * mlPerRev;
            var referenceRpm = Math.Min(appliedRpm, Plant.PumpMaxRpm);
            flow = _flow.Track(appliedRpm - referenceRpm, referenceRpm, measuredRpmEquivalent ?? referenceRpm,
                TrimRange(trimLimit, referenceRpm));
        }

        var rampStep = Gains.FlowRampLitersPerMinutePerSecond * 1000.0 * dt.Seconds;
        referenceMlPerMin = MoveTowards(referenceMlPerMin, targetMlPerMin, rampStep);
        var feedForwardRpm = Math.Min(referenceMlPerMin / mlPerRev, Plant.PumpMaxRpm);
        var range = TrimRange(trimLimit, feedForwardRpm);

        PidTerms? terms = null;
        string? held = null;
        double trim;
        if (measuredRpmEquivalent is { } measured)
        {
            var step = _flow.Step(flow, feedForwardRpm, measured, dt, range);
            terms = step.Terms;
            trim = step.Terms.Output;
            flow = step.State;
        }
        else
        {
            held = "flow measurement invalid: pump runs on feed-forward with the last trim";
            trim = range.Clamp(flow.LastOutput);
        }

        var rpm = Math.Clamp(feedForwardRpm + trim, 0, Plant.PumpMaxRpm);
        var next = state with { FlowEngaged = true, FlowReferenceMlPerMin = referenceMlPerMin, Flow = flow };
        return new PumpResult(rpm, referenceMlPerMin, feedForwardRpm, terms, held, next);
    }

    /// <summary>The trim may not exceed ±limit, nor take the total below 0 or above the pump's maximum.</summary>
    private OutputRange TrimRange(double trimLimit, double feedForwardRpm) =>
        new(Math.Max(-trimLimit, -feedForwardRpm), Math.Max(0, Math.Min(trimLimit, Plant.PumpMaxRpm - feedForwardRpm)));

    private readonly record struct HeaterResult(
        double Permille, Temperature? Setpoint, double FeedForward, PidTerms? Outer, PidTerms? Inner, bool FeedbackLost, string? HeldReason,
        ControlLawState State);

    private HeaterResult HeaterStep(ControlLawState state, LoopPlan plan, ControlInputs inputs, ActuatorCommand applied,
        AbdominalFeedback abdominal, Duration dt)
    {
        string? held = null;
        if (plan.Heater == HeaterMode.Off)
        {
            return new HeaterResult(0, null, 0, null, null, false, null, Disengaged(state));
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
            return new HeaterResult(0, null, 0, null, null, false, held, Disengaged(state));
        }

        PidTerms? outer = null;
        var feedbackLost = false;
        double setpoint;
        if (plan.Heater == HeaterMode.Cascade)
        {
            (setpoint, outer, feedbackLost, state) = AbdominalStep(state, inputs, abdominal, dt);
        }
        else
        {
            state = state with { AbdominalEngaged = false };
            setpoint = Math.Min(Gains.WashoutInflowSetpoint.DegreesCelsius, HardBounds.InflowSetpointMaxC);
        }

        var inflow = inputs.SaferInflow.DegreesCelsius;
        var feedForward = inputs.Outflow is { } outflow
            ? HeaterFeedForward.Permille(inputs.MeasuredFlow!.Value, Temperature.FromDegreesCelsius(setpoint), outflow, Plant)
            : 0.0;
        var range = new OutputRange(0, ActuatorCommand.MaxHeaterPermille);

        // Bumpless: engage from the heater power actually applied; re-track when an interlock keeps it changed or when
        // the feed-forward appears or disappears (outflow probe validity), so neither causes a step. An override of a
        // single cycle (one lost sensor sample holds the heater off for that cycle) is not tracked: re-tracking from 0
        // would cost the integral's whole climb back, seconds of heat each time on a noisy line.
        var appliedPermille = applied.HeaterEnabled ? applied.HeaterPowerPermille : 0;
        var desiredPermille = state.LastDesired.HeaterEnabled ? state.LastDesired.HeaterPowerPermille : 0;
        var overridden = appliedPermille != desiredPermille;
        var hasFeedForward = inputs.Outflow is not null;
        var loop = state.Inflow;
        if (!state.InflowEngaged || (overridden && state.HeaterOverridden) || hasFeedForward != state.FeedForwardAvailable)
        {
            loop = _inflow.Track(state.InflowEngaged && !overridden ? loop.LastOutput : appliedPermille,
                setpoint, inflow, range, feedForward);
        }

        var authority = hasFeedForward ? Gains.InflowIntegralAuthorityPermille : double.PositiveInfinity;
        var inner = _inflow.Step(loop, setpoint, inflow, dt, range, feedForward, integralLimit: authority);
        var next = state with
        {
            InflowEngaged = true,
            HeaterOverridden = overridden,
            FeedForwardAvailable = hasFeedForward,
            Inflow = inner.State,
            InflowSaturation = inner.Terms.Saturation,
        };
        return new HeaterResult(inner.Terms.Output, Temperature.FromDegreesCelsius(setpoint), feedForward, outer, inner.Terms,
            feedbackLost, null, next);
    }

    private (double Setpoint, PidTerms? Terms, bool FeedbackLost, ControlLawState State) AbdominalStep(
        ControlLawState state, ControlInputs inputs, AbdominalFeedback abdominal, Duration dt)
    {
        var profile = inputs.Profile;
        var range = new OutputRange(profile.InflowSetpointMin.DegreesCelsius,
            Math.Min(profile.InflowSetpointMax.DegreesCelsius, HardBounds.InflowSetpointMaxC));
        var nominal = range.Clamp(profile.InflowTarget.DegreesCelsius);
        var target = profile.AbdominalTarget.DegreesCelsius;

        if (abdominal.Controlled is not { } controlled)
        {
            // No valid probe: hold the set-point, and never above the profile's starting inflow set-point.
            var held = Math.Min(state.AbdominalEngaged ? state.InflowSetpointC : nominal, nominal);
            var tracked = _abdominal.Track(held, target, target, range, nominal);
            var setpoint = range.Clamp(held);
            return (setpoint, null, true,
                state with { Abdominal = tracked, AbdominalEngaged = true, LastProbeMask = 0, InflowSetpointC = setpoint });
        }

        var measured = controlled.DegreesCelsius;
        var loop = state.Abdominal;
        if (!state.AbdominalEngaged)
        {
            // The outer output is a set-point, not an actuator: start from the profile's nominal inflow set-point
            // with an empty integrator. The heater itself engages bumplessly in the inflow loop.
            loop = Pid.Reset();
        }
        else if (abdominal.ValidMask != state.LastProbeMask)
        {
            // A probe dropped out or came back: the median may jump, the set-point must not.
            loop = _abdominal.Track(state.InflowSetpointC, target, measured, range, nominal);
        }

        // The inflow loop's saturation is last cycle's: this step's inflow loop has not run yet.
        var hold = state.InflowEngaged
            ? state.InflowSaturation switch
            {
                PidSaturation.High => IntegratorHold.Up,
                PidSaturation.Low => IntegratorHold.Down,
                _ => IntegratorHold.None,
            }
            : IntegratorHold.None;
        var step = _abdominal.Step(loop, target, measured, dt, range, nominal, hold);
        var next = state with
        {
            Abdominal = step.State,
            AbdominalEngaged = true,
            LastProbeMask = abdominal.ValidMask,
            InflowSetpointC = step.Terms.Output,
        };
        return (step.Terms.Output, step.Terms, false, next);
    }

    private static ControlLawState Disengaged(ControlLawState state) =>
        state with { InflowEngaged = false, AbdominalEngaged = false, InflowSaturation = PidSaturation.None, HeaterOverridden = false };

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
