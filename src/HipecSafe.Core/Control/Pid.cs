using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// A discrete PID loop for direct-acting plants, with the time step passed in:
/// <code>
/// u = clamp(FF + Kp·e + I − Kd·ẏ_f,  Min, Max)      e = r − y
/// I ← I + Ki·e·dt   but only up to the value that puts u at the limit e pushes towards (conditional integration)
/// ẏ_f ← ẏ_f + dt/(Tf+dt)·((y − y_prev)/dt − ẏ_f)      derivative on measurement, first-order filtered
/// </code>
/// Anti-windup is conditional integration (clamping): the integrator stops at the value that puts the output on the
/// limit the error pushes towards, and does not move while the caller holds it (<see cref="IntegratorHold"/>). It
/// therefore never stores more than it takes to reach a limit, and the loop leaves saturation as soon as the error
/// changes sign.
/// Bumpless transfer: <see cref="Track"/> sets the integrator so the output equals the output actually applied.
/// Pure: the loop's state (<see cref="PidState"/>) is passed in and returned; an instance holds only gains and name.
/// </summary>
public sealed class Pid
{
    public Pid(PidGains gains, string name)
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        gains.Validate(name);
        Gains = gains;
        Name = name;
    }

    public PidGains Gains { get; }

    /// <summary>Loop name used in error messages ("abdominal", "inflow", "flow").</summary>
    public string Name { get; }

    /// <summary>Forgets all state: integrator 0, no previous measurement (<see cref="PidState.Initial"/>).</summary>
    public static PidState Reset() => PidState.Initial;

    /// <summary>
    /// Bumpless (re)engagement: the state whose output equals <paramref name="appliedOutput"/> (clamped to the range)
    /// for the given set-point, measurement and feed-forward, so the next <see cref="Step"/> continues from there.
    /// Use it when the loop takes over from something else, or when the output actually applied differed from the
    /// loop's (an interlock constrained the actuator). It replaces the whole state, so it needs none.
    /// </summary>
    public PidState Track(double appliedOutput, double setpoint, double measurement, OutputRange range, double feedForward = 0)
    {
        CheckFinite(appliedOutput, nameof(appliedOutput));
        CheckFinite(setpoint, nameof(setpoint));
        CheckFinite(measurement, nameof(measurement));
        CheckFinite(feedForward, nameof(feedForward));
        range.Validate($"{Name} loop");
        var output = range.Clamp(appliedOutput);
        var integral = output - feedForward - Gains.Kp * (setpoint - measurement);
        return new PidState(integral, LastMeasurement: measurement, FilteredRate: 0, IsPrimed: true, LastOutput: output);
    }

    /// <summary>One control step of length <paramref name="dt"/> (0 is allowed: no integration, no derivative),
    /// from <paramref name="state"/>.</summary>
    /// <param name="integralLimit">Integration may not take the integrator beyond ±this (a value set by
    /// <see cref="Track"/> outside it is kept and can only move back). Used when a feed-forward carries the load and
    /// the integrator should only correct model error: it bounds what a long saturation can store.</param>
    public PidStep Step(PidState state, double setpoint, double measurement, Duration dt, OutputRange range, double feedForward = 0,
        IntegratorHold hold = IntegratorHold.None, double integralLimit = double.PositiveInfinity)
    {
        CheckFinite(setpoint, nameof(setpoint));
        CheckFinite(measurement, nameof(measurement));
        CheckFinite(feedForward, nameof(feedForward));
        range.Validate($"{Name} loop");
        if (double.IsNaN(integralLimit) || integralLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(integralLimit), integralLimit, $"{Name} loop: integral limit must be ≥ 0");
        }

        var seconds = dt.Seconds;
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"{Name} loop: time step must be finite and ≥ 0 s; it was {dt}");
        }

        // Unprimed: no previous measurement, so this step takes no derivative.
        var lastMeasurement = state.IsPrimed ? state.LastMeasurement : measurement;
        var filteredRate = state.IsPrimed ? state.FilteredRate : 0;
        if (seconds > 0)
        {
            var rawRate = (measurement - lastMeasurement) / seconds;
            filteredRate += seconds / (Gains.DerivativeFilterSeconds + seconds) * (rawRate - filteredRate);
        }

        var error = setpoint - measurement;
        var proportional = Gains.Kp * error;
        var derivative = -Gains.Kd * filteredRate;

        var integral = state.Integral;
        var candidate = integral + Gains.Ki * error * seconds;
        if ((hold == IntegratorHold.Up && error > 0) || (hold == IntegratorHold.Down && error < 0))
        {
            candidate = integral;
        }
        else
        {
            // Integrate only as far as the limit the error is pushing towards, never past it.
            var atMax = range.Max - feedForward - proportional - derivative;
            var atMin = range.Min - feedForward - proportional - derivative;
            if (error > 0 && candidate > atMax)
            {
                candidate = Math.Max(integral, atMax);
            }
            else if (error < 0 && candidate < atMin)
            {
                candidate = Math.Min(integral, atMin);
            }
        }

        if (candidate > integralLimit && candidate > integral)
        {
            candidate = Math.Max(integral, integralLimit);
        }
        else if (candidate < -integralLimit && candidate < integral)
        {
            candidate = Math.Min(integral, -integralLimit);
        }

        var total = feedForward + proportional + candidate + derivative;
        var output = range.Clamp(total);
        var tolerance = 1e-9 * (1 + Math.Abs(range.Max) + Math.Abs(range.Min));
        var saturation = total >= range.Max - tolerance ? PidSaturation.High
            : total <= range.Min + tolerance ? PidSaturation.Low
            : PidSaturation.None;
        var terms = new PidTerms(output, setpoint, measurement, proportional, candidate, derivative, feedForward, saturation);
        return new PidStep(terms, new PidState(candidate, measurement, filteredRate, IsPrimed: true, output));
    }

    private void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{Name} loop: {name} must be a finite number; it was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
