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
/// </summary>
public sealed class Pid
{
    private double _integral;
    private double _lastMeasurement;
    private double _filteredRate;
    private bool _primed;

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

    public double Integral => _integral;

    /// <summary>False after construction or <see cref="Reset"/>, until the first <see cref="Step"/> or <see cref="Track"/>.</summary>
    public bool IsPrimed => _primed;

    /// <summary>Output of the last step (0 before the first).</summary>
    public double LastOutput { get; private set; }

    /// <summary>Forgets all state: integrator 0, no previous measurement.</summary>
    public void Reset()
    {
        _integral = 0;
        _filteredRate = 0;
        _lastMeasurement = 0;
        _primed = false;
        LastOutput = 0;
    }

    /// <summary>
    /// Bumpless (re)engagement: makes the loop's output equal <paramref name="appliedOutput"/> (clamped to the range)
    /// for the given set-point, measurement and feed-forward, so the next <see cref="Step"/> continues from there.
    /// Call it when the loop takes over from something else, or when the output actually applied differed from the
    /// loop's (an interlock constrained the actuator).
    /// </summary>
    public void Track(double appliedOutput, double setpoint, double measurement, OutputRange range, double feedForward = 0)
    {
        CheckFinite(appliedOutput, nameof(appliedOutput));
        CheckFinite(setpoint, nameof(setpoint));
        CheckFinite(measurement, nameof(measurement));
        CheckFinite(feedForward, nameof(feedForward));
        range.Validate($"{Name} loop");
        var output = range.Clamp(appliedOutput);
        _integral = output - feedForward - Gains.Kp * (setpoint - measurement);
        _lastMeasurement = measurement;
        _filteredRate = 0;
        _primed = true;
        LastOutput = output;
    }

    /// <summary>One control step of length <paramref name="dt"/> (0 is allowed: no integration, no derivative).</summary>
    /// <param name="integralLimit">Integration may not take the integrator beyond ±this (a value set by
    /// <see cref="Track"/> outside it is kept and can only move back). Used when a feed-forward carries the load and
    /// the integrator should only correct model error: it bounds what a long saturation can store.</param>
    public PidTerms Step(double setpoint, double measurement, Duration dt, OutputRange range, double feedForward = 0,
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

        if (!_primed)
        {
            _lastMeasurement = measurement;
            _filteredRate = 0;
            _primed = true;
        }

        if (seconds > 0)
        {
            var rawRate = (measurement - _lastMeasurement) / seconds;
            _filteredRate += seconds / (Gains.DerivativeFilterSeconds + seconds) * (rawRate - _filteredRate);
        }

        _lastMeasurement = measurement;
        var error = setpoint - measurement;
        var proportional = Gains.Kp * error;
        var derivative = -Gains.Kd * _filteredRate;

        var candidate = _integral + Gains.Ki * error * seconds;
        if ((hold == IntegratorHold.Up && error > 0) || (hold == IntegratorHold.Down && error < 0))
        {
            candidate = _integral;
        }
        else
        {
            // Integrate only as far as the limit the error is pushing towards, never past it.
            var atMax = range.Max - feedForward - proportional - derivative;
            var atMin = range.Min - feedForward - proportional - derivative;
            if (error > 0 && candidate > atMax)
            {
                candidate = Math.Max(_integral, atMax);
            }
            else if (error < 0 && candidate < atMin)
            {
                candidate = Math.Min(_integral, atMin);
            }
        }

        if (candidate > integralLimit && candidate > _integral)
        {
            candidate = Math.Max(_integral, integralLimit);
        }
        else if (candidate < -integralLimit && candidate < _integral)
        {
            candidate = Math.Min(_integral, -integralLimit);
        }

        _integral = candidate;
        var total = feedForward + proportional + _integral + derivative;
        var output = range.Clamp(total);
        var tolerance = 1e-9 * (1 + Math.Abs(range.Max) + Math.Abs(range.Min));
        var saturation = total >= range.Max - tolerance ? PidSaturation.High
            : total <= range.Min + tolerance ? PidSaturation.Low
            : PidSaturation.None;
        LastOutput = output;
        return new PidTerms(output, setpoint, measurement, proportional, _integral, derivative, feedForward, saturation);
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
