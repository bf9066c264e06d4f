using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// Settings of <see cref="SensorValidator"/>. <paramref name="MaxTemperatureRateCelsiusPerSecond"/>: fluid and body
/// temperatures cannot move faster than this (the heater adds ~105 W per °C at 1.5 L/min; real perfusate changes are
/// tenths of a °C per second). <paramref name="RateNoiseAllowance"/> is added to the allowed step so that register
/// quantisation (0.01 °C) and sample-time jitter at short cycle times do not look like a jump.
/// </summary>
public sealed record SensorValidationLimits(
    Duration StaleAfter,
    double MaxTemperatureRateCelsiusPerSecond,
    TemperatureDelta RateNoiseAllowance,
    IReadOnlyDictionary<SensorChannel, PlausibleRange> Ranges)
{
    public const double DefaultMaxTemperatureRateCelsiusPerSecond = 2.0;
    public static readonly TemperatureDelta DefaultRateNoiseAllowance = TemperatureDelta.FromDegreesCelsius(0.1);

    /// <summary>The validation limits for a profile: its stale limit, the default rate limit and ranges.</summary>
    public static SensorValidationLimits For(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SensorValidationLimits(
            limits.SampleStaleAfter,
            DefaultMaxTemperatureRateCelsiusPerSecond,
            DefaultRateNoiseAllowance,
            PlausibleRange.Defaults);
    }

    public PlausibleRange RangeOf(SensorChannel channel) =>
        Ranges.TryGetValue(channel, out var range)
            ? range
            : throw new InvalidOperationException($"no plausible range configured for sensor channel {channel}");
}
