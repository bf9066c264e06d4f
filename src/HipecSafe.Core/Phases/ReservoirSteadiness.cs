using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Phases;

/// <summary>
/// What a leak check is judged on (SRS-PH-006): how long the reservoir has held within the profile's tolerance of the
/// reading that began the window, while the circuit circulated at the target flow. The window starts again when the
/// reservoir moves further, and there is none while the circuit does not circulate at the target flow.
/// </summary>
/// <param name="Reference">The reading that began the window; null while there is none.</param>
/// <param name="Latest">The latest valid reading; null when it was not valid.</param>
/// <param name="SteadyFor">How long the window has lasted.</param>
/// <param name="Interruption">Why there is no window, or why the current one began late (the reservoir moved); null otherwise.</param>
public readonly record struct ReservoirSteadiness(Volume? Reference, Volume? Latest, Duration SteadyFor, string? Interruption)
{
    /// <summary>No reading seen yet.</summary>
    public static ReservoirSteadiness None => new(null, null, Duration.Zero, "no reservoir reading yet");

    /// <summary>
    /// The window after one more cycle of <paramref name="dt"/>: <paramref name="notCirculating"/> says why the circuit
    /// did not circulate at the target flow (null when it did), <paramref name="reading"/> is the valid reservoir reading
    /// (null when not valid).
    /// </summary>
    public ReservoirSteadiness Next(string? notCirculating, Volume? reading, Duration dt, Volume tolerance)
    {
        if (notCirculating is not null)
        {
            return new ReservoirSteadiness(null, reading, Duration.Zero, notCirculating);
        }

        if (reading is not { } now)
        {
            return new ReservoirSteadiness(null, null, Duration.Zero, "reservoir reading not valid");
        }

        if (Reference is not { } start)
        {
            return new ReservoirSteadiness(now, now, Duration.Zero, null);
        }

        var moved = (now - start).Milliliters;
        return Math.Abs(moved) > tolerance.Milliliters
            ? new ReservoirSteadiness(now, now, Duration.Zero,
                string.Create(CultureInfo.InvariantCulture, $"the reservoir moved {moved:+0;-0} mL from {start}"))
            : this with { Latest = now, SteadyFor = SteadyFor + dt };
    }
}
