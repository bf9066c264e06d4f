using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-ABDOMEN-SPREAD: the lowest valid abdominal probe reads more than <see cref="Limit"/> below the median of the valid
/// probes (at least 3) for <see cref="InterlockTimings.AbdominalSpreadPersistence"/> while the patient is connected: a
/// probe pocketed away from the flow, displaced, or drifting low. Such a probe pulls the mean down (control heats more,
/// bounded by its hot-probe term) and hides a cold region or its own error; no flag shows it (hazard analysis OI-06).
/// Medium, alarm only: the team checks the probe's position. The median, not the mean, so the low probe does not move its
/// own reference; the high side is the hot-probe term's and IL-ABDOMEN-WARNING's. Clears at the limit less
/// <see cref="ClearMargins.Temperature"/> (OI-21).
/// </summary>
public sealed class AbdominalSpreadRule : InterlockRule
{
    /// <summary>
    /// 1.5 K: the inflow jet spreads the probes by design (median − lowest ≤ 0.83 K during heat-up at full power, ≤ 0.6 K
    /// in chemo, nominal runs seeds 1–3), plus twice the probes' ±0.1 °C accuracy, with margin.
    /// </summary>
    public static readonly TemperatureDelta Limit = TemperatureDelta.FromKelvins(1.5);

    public AbdominalSpreadRule()
        : base(
            "IL-ABDOMEN-SPREAD",
            "Abdominal probe far below the others",
            Hazards.TemperatureSensorFault,
            "SRS-IL-065",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            InterlockTimings.AbdominalSpreadPersistence,
            InterlockPhases.PatientConnected,
            $"median of the valid abdominal probes (≥ {AbdominalSelection.MinimumValidProbes}) − lowest valid probe > {Limit}; clears at ≤ {Limit - ClearMargins.Temperature}")
    {
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sensors = context.Sensors;
        if (sensors.Frame is not { } frame)
        {
            return RuleCheck.Unknown(RuleReadings.NoSample);
        }

        Span<double> values = stackalloc double[SensorFrame.AbdominalProbeCount];
        var valid = 0;
        var lowest = SensorChannel.Abdomen1;
        var lowestValue = double.MaxValue;
        for (var i = 0; i < SensorFrame.AbdominalProbeCount; i++)
        {
            var channel = SensorFrame.AbdomenChannel(i);
            if (!sensors.IsValid(channel))
            {
                continue;
            }

            var value = ChannelValue.Of(frame, channel);
            values[valid++] = value;
            if (value < lowestValue)
            {
                (lowest, lowestValue) = (channel, value);
            }
        }

        if (valid < AbdominalSelection.MinimumValidProbes)
        {
            return RuleCheck.Unknown(string.Create(CultureInfo.InvariantCulture,
                $"{valid} valid abdominal probes, fewer than {AbdominalSelection.MinimumValidProbes}"));
        }

        var sorted = values[..valid];
        sorted.Sort();
        var median = valid % 2 == 1 ? sorted[valid / 2] : (sorted[(valid / 2) - 1] + sorted[valid / 2]) / 2;
        var spread = Math.Round(median - lowestValue, 2);
        var limit = tripActive ? Limit - ClearMargins.Temperature : Limit;
        return RuleCheck.Compare(spread > limit.Kelvins,
            new Measurement("median − lowest abdominal probe", spread, "K", ">", limit.Kelvins,
                () => string.Create(CultureInfo.InvariantCulture, $"{ChannelValue.Name(lowest)} {lowestValue:0.00} °C, median {median:0.00} °C")));
    }
}
