using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-RESERVOIR-DROP: the reservoir has lost more than the limit (default 300 mL) since the phase began, in a
/// phase whose circulating volume should be constant: perfusate is leaking from the circuit or pooling in the
/// abdomen. Either way cytotoxic fluid is where it should not be: pump stop and clamp closed to stop feeding the
/// leak, heater off. Latched. A reset is judged against the volume recorded at the start of the current phase. Without
/// that volume (no valid reading when the phase began) the rule cannot decide: Unknown, never a drop from 0 mL.
/// </summary>
public sealed class ReservoirDropRule : InterlockRule
{
    private readonly Volume _limit;

    public ReservoirDropRule(AlarmLimits limits)
        : base(
            "IL-RESERVOIR-DROP",
            "Perfusate lost from the circuit",
            Hazards.CytotoxicLeak,
            "SRS-IL-023",
            AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop | InterlockResponse.ClampClose,
            ClearCondition.OperatorReset,
            Duration.Zero,
            InterlockPhases.SteadyVolume,
            $"reservoir volume at phase start − reservoir volume > {NotNull(limits).ReservoirDrop}")
    {
        _limit = limits.ReservoirDrop;
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Measured(context, SensorChannel.ReservoirVolume, out var reason) is not { } ml)
        {
            return RuleCheck.Unknown(reason);
        }

        // No baseline (the reservoir reading was invalid when the phase began): a drop from 0 mL could never trip, so
        // the rule cannot decide rather than pass (OI-14). No phase in which the rule applies starts with 0 mL.
        if (context.Input.ReservoirAtPhaseStart is not { Milliliters: > 0 } baseline)
        {
            return RuleCheck.Unknown("no reservoir volume recorded at the start of the phase");
        }

        var start = baseline.Milliliters;
        var drop = start - ml;
        return RuleCheck.Compare(drop > _limit.Milliliters,
            new DeferredMeasurement("reservoir drop since phase start", drop, "mL", ">", _limit.Milliliters, context,
                static c => string.Create(CultureInfo.InvariantCulture,
                    $"{c.Input.ReservoirAtPhaseStart.GetValueOrDefault().Milliliters:0} mL at phase start, {ChannelValue.Of(c.Sensors.Frame!, SensorChannel.ReservoirVolume):0} mL now")));
    }

    private static AlarmLimits NotNull(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits;
    }
}
