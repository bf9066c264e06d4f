using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// Converts profile durations (double seconds) to <see cref="TimeSpan"/> ticks with rounding, so that a limit like
/// 300 ms compares exactly against a clock that advanced by exactly 300 ms.
/// </summary>
internal static class DurationTicks
{
    public static TimeSpan ToTimeSpan(Duration duration) =>
        TimeSpan.FromTicks((long)Math.Round(duration.Seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
}
