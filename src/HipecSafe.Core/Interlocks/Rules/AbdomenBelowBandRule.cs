using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-ABDOMEN-BELOW-BAND: during chemo perfusion the mean of the valid abdominal probes is below the profile's
/// therapeutic band for <see cref="InterlockTimings.AbdomenBelowBandPersistence"/> — the drug is perfused at a
/// sub-therapeutic temperature (HAZ-012), e.g. an open heater element, which no feedback register shows, or a
/// heater-off trip that keeps circulating. Medium, alarm only: nothing gets hot, and the operator decides (check the
/// heater, extend the chemo time). The mean is what control regulates to the target; one probe reading low moves it
/// by a quarter, so a single probe fault does not raise it (that is IL-ABDOMEN-PROBE-FAULT's business).
/// <para>
/// Armed only once the heat-up into the band is over: the drug goes in at the drug-addition minimum, below the band,
/// so chemo starts below it. The rule arms when the mean first reaches the band in this entry of the phase (a resume
/// after a pause is a new entry), or <see cref="InterlockTimings.AbdomenBelowBandArmAfter"/> after the entry if it
/// never does. This is the one rule with memory: the arming is kept per phase entry (keyed by
/// <see cref="InterlockInput.PhaseStartedAt"/>), updated in <see cref="AppliesTo"/>, which the engine calls once per
/// evaluation; updating twice with the same input changes nothing.
/// </para>
/// </summary>
public sealed class AbdomenBelowBandRule : InterlockRule
{
    private static readonly IReadOnlySet<Phase> ChemoOnly = new HashSet<Phase> { Phase.ChemoPerfusion };

    private readonly double _bandLow;
    private readonly TimeSpan _armAfter;
    private TimeSpan? _entry;
    private bool _reachedBand;

    public AbdomenBelowBandRule(AlarmLimits limits)
        : base(
            "IL-ABDOMEN-BELOW-BAND",
            "Abdomen below therapeutic band",
            Hazards.SubtherapeuticDrugAddition,
            "SRS-IL-048",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            InterlockTimings.AbdomenBelowBandPersistence,
            ChemoOnly,
            string.Create(CultureInfo.InvariantCulture,
                $"mean of valid abdominal probes < {NotNull(limits).AbdominalBandLow.DegreesCelsius:0.0##} °C (band low), armed once the band was reached in this chemo phase or {InterlockTimings.AbdomenBelowBandArmAfter} after its start"))
    {
        _bandLow = limits.AbdominalBandLow.DegreesCelsius;
        _armAfter = DurationTicks.ToTimeSpan(InterlockTimings.AbdomenBelowBandArmAfter);
    }

    public override bool AppliesTo(InterlockContext context)
    {
        if (!base.AppliesTo(context))
        {
            return false;
        }

        var input = context.Input;
        if (_entry != input.PhaseStartedAt)
        {
            _entry = input.PhaseStartedAt;
            _reachedBand = false;
        }

        _reachedBand |= Mean(context.Sensors, out _) is { } mean && mean >= _bandLow;
        return _reachedBand || input.Now - input.PhaseStartedAt >= _armAfter;
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Mean(context.Sensors, out var valid) is not { } mean)
        {
            return RuleCheck.Unknown(context.Sensors.Frame is null
                ? RuleReadings.NoSample
                : string.Create(CultureInfo.InvariantCulture, $"{valid} valid abdominal probes, fewer than {AbdominalSelection.MinimumValidProbes}"));
        }

        return RuleCheck.Compare(mean < _bandLow,
            new Measurement("abdomen (mean of valid probes)", Math.Round(mean, 2), "°C", "<", _bandLow,
                string.Create(CultureInfo.InvariantCulture, $"{valid} valid probes")));
    }

    /// <summary>Mean of the valid abdominal probes; null with fewer than <see cref="AbdominalSelection.MinimumValidProbes"/>.</summary>
    private static double? Mean(ValidatedFrame sensors, out int valid)
    {
        valid = 0;
        if (sensors.Frame is not { } frame)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < SensorFrame.AbdominalProbeCount; i++)
        {
            var channel = SensorFrame.AbdomenChannel(i);
            if (sensors.IsValid(channel))
            {
                sum += ChannelValue.Of(frame, channel);
                valid++;
            }
        }

        return valid >= AbdominalSelection.MinimumValidProbes ? sum / valid : null;
    }

    private static AlarmLimits NotNull(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits;
    }
}
