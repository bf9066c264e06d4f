using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>The inflow temperature control must act on, and where it came from.</summary>
/// <param name="Temperature">Null when no inflow probe can be used: control must not heat (IL-INFLOW-PROBES-LOST trips).</param>
/// <param name="Channel">The probe the value was taken from.</param>
/// <param name="Basis">Why this reading, for the log: "higher of A and B", "B only (A: ...)".</param>
public sealed record InflowReading(Temperature? Temperature, SensorChannel? Channel, string Basis)
{
    public bool IsAvailable => Temperature is not null;
}

/// <summary>
/// Picks the inflow reading for control from the redundant probes A and B. The hotter believable reading wins,
/// because believing the hotter one can only make control heat less: with both probes valid that is the higher of
/// the two; with one faulted it is the healthy one; a probe that is only suspect (moving implausibly fast) is used
/// when it reads hotter than the healthy one, never when it reads colder. Neither probe valid → no reading.
/// </summary>
public static class InflowSelection
{
    public static InflowReading Select(ValidatedFrame sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        var frame = sensors.Frame;
        var aValid = sensors.IsValid(SensorChannel.InflowA);
        var bValid = sensors.IsValid(SensorChannel.InflowB);
        if (frame is null || (!aValid && !bValid))
        {
            return new InflowReading(null, null,
                $"neither inflow probe is valid (A: {sensors.DetailOf(SensorChannel.InflowA)}; B: {sensors.DetailOf(SensorChannel.InflowB)})");
        }

        if (aValid && bValid)
        {
            return frame.InflowA >= frame.InflowB
                ? new InflowReading(frame.InflowA, SensorChannel.InflowA, "higher of A and B")
                : new InflowReading(frame.InflowB, SensorChannel.InflowB, "higher of A and B");
        }

        var (healthy, other) = aValid
            ? (SensorChannel.InflowA, SensorChannel.InflowB)
            : (SensorChannel.InflowB, SensorChannel.InflowA);
        var healthyValue = ChannelValue.TemperatureOf(frame, healthy);
        var otherValue = ChannelValue.TemperatureOf(frame, other);
        if (sensors.IsMeasurement(other) && otherValue > healthyValue)
        {
            return new InflowReading(otherValue, other,
                $"{Name(other)} is suspect ({sensors.DetailOf(other)}) but hotter than the valid {Name(healthy)}");
        }

        return new InflowReading(healthyValue, healthy, $"{Name(healthy)} only ({Name(other)}: {sensors.DetailOf(other)})");
    }

    private static string Name(SensorChannel channel) => channel == SensorChannel.InflowA ? "A" : "B";
}
