using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-FLOW-DEVIATION: measured flow more than the limit (default 10 %) away from the target for the persistence
/// time (default 10 s). Only armed while the pump is commanded to run in a pumping phase (Priming … Draining) and the settle time
/// (<see cref="InterlockTimings.FlowSettleTime"/>) since phase start or pump start has passed. Medium, alarm only:
/// uneven heat and drug distribution develop over minutes, and control owns the flow set-point. The alarm clears once
/// the flow is back within the limit less <see cref="ClearMargins.FlowPercent"/> (OI-21).
/// </summary>
public sealed class FlowDeviationRule : InterlockRule
{
    private readonly double _percent;
    private readonly TimeSpan _settle;

    public FlowDeviationRule(AlarmLimits limits)
        : base(
            "IL-FLOW-DEVIATION",
            "Flow off target",
            Hazards.InadequateFlow,
            "SRS-IL-025",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            NotNull(limits).FlowDeviationFor,
            InterlockPhases.Pumping,
            $"|flow − target| > {NotNull(limits).FlowDeviationPercent.ToString("0.###", CultureInfo.InvariantCulture)} % of target, pump commanded, {InterlockTimings.FlowSettleTime} after phase/pump start; clears at ≤ {(NotNull(limits).FlowDeviationPercent - ClearMargins.FlowPercent).ToString("0.###", CultureInfo.InvariantCulture)} %")
    {
        _percent = limits.FlowDeviationPercent;
        _settle = DurationTicks.ToTimeSpan(InterlockTimings.FlowSettleTime);
    }

    public override bool AppliesTo(InterlockContext context)
    {
        if (!base.AppliesTo(context))
        {
            return false;
        }

        var input = context.Input;
        var settlingSince = input.PumpStartedAt is { } pump && pump > input.PhaseStartedAt ? pump : input.PhaseStartedAt;
        return input.LastCommand.PumpSpeedRpm > 0
               && input.FlowTarget > VolumetricFlow.Zero
               && input.Now - settlingSince >= _settle;
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Input.FlowTarget.MillilitersPerMinute;
        if (!(target > 0))
        {
            return RuleCheck.Clear();
        }

        if (RuleReadings.Measured(context, SensorChannel.Flow, out var reason) is not { } flow)
        {
            return RuleCheck.Unknown(reason);
        }

        // An active alarm holds until the flow is back within the limit less the clear margin (OI-21).
        var limit = tripActive ? _percent - ClearMargins.FlowPercent : _percent;
        var deviation = Math.Abs(flow - target) / target * 100.0;
        return RuleCheck.Compare(deviation > limit,
            new DeferredMeasurement("flow deviation", deviation, "%", ">", limit, context,
                static c => $"{VolumetricFlow.FromMillilitersPerMinute(ChannelValue.Of(c.Sensors.Frame!, SensorChannel.Flow))} vs target {c.Input.FlowTarget}"));
    }
}
