using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>The abdominal temperature control must act on.</summary>
/// <param name="Hottest">Null when fewer than <see cref="AbdominalSelection.MinimumValidProbes"/> probes are valid.</param>
/// <param name="ValidProbes">How many of the four probes are valid.</param>
public sealed record AbdominalReading(Temperature? Hottest, int ValidProbes)
{
    public bool SufficientForControl => Hottest is not null;
}

/// <summary>
/// Abdominal probe policy. Four probes sit in different regions of the abdomen; with one lost, the other three
/// still cover the cavity (the hottest region is normally near the inflow cannula, which one probe alone rarely
/// covers anyway), so control and perfusion may continue under a medium-priority alarm (IL-ABDOMEN-PROBE-FAULT).
/// With two or more lost, half the cavity is unwatched: heater off (IL-ABDOMEN-PROBES-LOST). Adding the drug is
/// stricter still: the phase machine requires every probe valid (SRS-PH-005/007).
/// </summary>
public static class AbdominalSelection
{
    public const int MinimumValidProbes = 3;

    /// <summary>
    /// The hottest believable probe: the highest valid one, or a suspect (fast-moving) probe when it reads hotter —
    /// never a colder suspect one. Null when fewer than <see cref="MinimumValidProbes"/> probes are valid.
    /// </summary>
    public static AbdominalReading Select(ValidatedFrame sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        var valid = sensors.ValidAbdominalProbeCount;
        if (sensors.Frame is not { } frame || valid < MinimumValidProbes)
        {
            return new AbdominalReading(null, valid);
        }

        var hottest = Enumerable.Range(0, SensorFrame.AbdominalProbeCount)
            .Select(SensorFrame.AbdomenChannel)
            .Where(sensors.IsMeasurement)
            .Select(c => ChannelValue.TemperatureOf(frame, c))
            .Max();
        return new AbdominalReading(hottest, valid);
    }
}
