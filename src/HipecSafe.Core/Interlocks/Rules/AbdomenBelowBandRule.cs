using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-ABDOMEN-BELOW-BAND: during chemo perfusion the median of the valid abdominal probes is below the profile's
/// therapeutic band for <see cref="InterlockTimings.AbdomenBelowBandPersistence"/> — the drug is perfused at a
/// sub-therapeutic temperature (HAZ-012), e.g. an open heater element, which no feedback register shows, or a
/// heater-off trip that keeps circulating. It clears once the median is back at band low plus
/// <see cref="ClearMargins.Temperature"/> (OI-21). Medium, alarm only: nothing gets hot, and the operator decides (check the
/// heater, extend the chemo time). The median, not the mean: one probe reading wrong in either direction (a probe
/// drifting 6 K low while control holds the others at the hot-probe limit, or one reading high while the abdomen
/// cools) moves neither the alarm nor its absence; a single probe fault is a sensor matter.
/// <para>
/// Armed only once the heat-up into the band is over: the drug goes in at the drug-addition minimum, below the band,
/// so chemo starts below it. The rule arms when the median first reaches the band in this entry of the phase (a resume
/// after a pause is a new entry), or <see cref="InterlockTimings.AbdomenBelowBandArmAfter"/> after the entry if it
/// never does. This is the one rule with memory: the arming per phase entry (keyed by
/// <see cref="InterlockInput.PhaseStartedAt"/>) is an <see cref="AbdomenBelowBandArming"/> that the engine keeps in its
/// state and hands back at each evaluation; arming twice with the same input and memory gives the same answer.
/// </para>
/// </summary>
public sealed class AbdomenBelowBandRule : InterlockRule<AbdomenBelowBandArming>
{
    private static readonly IReadOnlySet<Phase> ChemoOnly = new HashSet<Phase> { Phase.ChemoPerfusion };

    private readonly double _bandLow;
    private readonly TimeSpan _armAfter;

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
                $"median of valid abdominal probes < {NotNull(limits).AbdominalBandLow.DegreesCelsius:0.0##} °C (band low), armed once the band was reached in this chemo phase or {InterlockTimings.AbdomenBelowBandArmAfter} after its start; clears at ≥ {(limits.AbdominalBandLow + ClearMargins.Temperature).DegreesCelsius:0.0##} °C"))
    {
        _bandLow = limits.AbdominalBandLow.DegreesCelsius;
        _armAfter = DurationTicks.ToTimeSpan(InterlockTimings.AbdomenBelowBandArmAfter);
    }

    protected override AbdomenBelowBandArming Initial => AbdomenBelowBandArming.NotEntered;

    protected override (bool Applies, AbdomenBelowBandArming Memory) ArmWith(InterlockContext context, AbdomenBelowBandArming memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (!AppliesTo(context))
        {
            // Outside chemo perfusion the arming is left as it is; the next entry has a new PhaseStartedAt.
            return (false, memory);
        }

        var input = context.Input;
        var arming = memory.PhaseEntry == input.PhaseStartedAt ? memory : new AbdomenBelowBandArming(input.PhaseStartedAt, false);
        if (!arming.ReachedBand && AbdominalMedian.Of(context.Sensors, out _) is { } median && median >= _bandLow)
        {
            arming = arming with { ReachedBand = true };
        }

        return (arming.ReachedBand || input.Now - input.PhaseStartedAt >= _armAfter, arming);
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AbdominalMedian.Of(context.Sensors, out var valid) is not { } median)
        {
            return RuleCheck.Unknown(context.Sensors.Frame is null
                ? RuleReadings.NoSample
                : string.Create(CultureInfo.InvariantCulture, $"{valid} valid abdominal probes, fewer than {AbdominalSelection.MinimumValidProbes}"));
        }

        // An active alarm holds until the median is back in the band by the clear margin (OI-21).
        var limit = tripActive ? _bandLow + ClearMargins.Temperature.Kelvins : _bandLow;
        return RuleCheck.Compare(median < limit,
            new DeferredMeasurement("abdomen (median of valid probes)", Math.Round(median, 2), "°C", "<", limit, context, static c =>
            {
                AbdominalMedian.Of(c.Sensors, out var valid);
                return string.Create(CultureInfo.InvariantCulture, $"{valid} valid probes");
            }));
    }
}
