namespace HipecSafe.Core.Control;

/// <summary>One step of a <see cref="Pid"/>: the clamped output and the terms that made it (for diagnostics and tuning).</summary>
/// <param name="Output">Feed-forward + P + I + D, clamped to the range.</param>
/// <param name="Setpoint">Set-point used this step.</param>
/// <param name="Measurement">Measurement used this step.</param>
/// <param name="Proportional">Kp·(setpoint − measurement).</param>
/// <param name="Integral">Integrator state after this step.</param>
/// <param name="Derivative">−Kd·d(measurement)/dt, filtered (derivative on measurement, so set-point steps do not kick).</param>
/// <param name="FeedForward">Feed-forward term given by the caller.</param>
/// <param name="Saturation">Whether <paramref name="Output"/> was clamped.</param>
public readonly record struct PidTerms(
    double Output,
    double Setpoint,
    double Measurement,
    double Proportional,
    double Integral,
    double Derivative,
    double FeedForward,
    PidSaturation Saturation)
{
    public double Error => Setpoint - Measurement;
}
