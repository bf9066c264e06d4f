namespace HipecSafe.Core.Control;

/// <summary>
/// Gains of one <see cref="Pid"/> loop, in the loop's own units: <paramref name="Kp"/> output per unit error,
/// <paramref name="Ki"/> output per unit error per second, <paramref name="Kd"/> output per unit of measurement
/// change per second. All loops here are direct-acting (more output raises the measurement), so gains are ≥ 0.
/// </summary>
/// <param name="DerivativeFilterSeconds">Time constant of the first-order filter on the measured rate (0 = none);
/// the probes resolve 0.01 °C, so an unfiltered derivative would chatter.</param>
public sealed record PidGains(double Kp, double Ki, double Kd = 0, double DerivativeFilterSeconds = 0)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the gain when one is negative or not finite.</summary>
    public void Validate(string loopName)
    {
        foreach (var (name, value) in new[] { (nameof(Kp), Kp), (nameof(Ki), Ki), (nameof(Kd), Kd), (nameof(DerivativeFilterSeconds), DerivativeFilterSeconds) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value,
                    $"{loopName} loop: {name} must be a finite number ≥ 0 (loops are direct-acting); it was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
    }
}
