namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// The median of the valid abdominal probes: the abdomen's temperature as IL-ABDOMEN-BELOW-BAND judges it (SRS-IL-048)
/// and as the chemo clock judges it (SRS-PH-022). One probe reading wrong in either direction does not move it.
/// </summary>
public static class AbdominalMedian
{
    /// <summary>
    /// The median in °C; null without a sample or with fewer than <see cref="AbdominalSelection.MinimumValidProbes"/>
    /// valid probes (<paramref name="valid"/> says how many there were).
    /// </summary>
    public static double? Of(ValidatedFrame sensors, out int valid)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        valid = 0;
        if (sensors.Frame is not { } frame)
        {
            return null;
        }

        Span<double> values = stackalloc double[SensorFrame.AbdominalProbeCount];
        for (var i = 0; i < SensorFrame.AbdominalProbeCount; i++)
        {
            var channel = SensorFrame.AbdomenChannel(i);
            if (sensors.IsValid(channel))
            {
                values[valid++] = ChannelValue.Of(frame, channel);
            }
        }

        if (valid < AbdominalSelection.MinimumValidProbes)
        {
            return null;
        }

        var sorted = values[..valid];
        sorted.Sort();
        return valid % 2 == 1 ? sorted[valid / 2] : (sorted[(valid / 2) - 1] + sorted[valid / 2]) / 2;
    }
}
