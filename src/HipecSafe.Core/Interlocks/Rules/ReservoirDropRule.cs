using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-RESERVOIR-DROP: the reservoir holds more than the limit (default 300 mL) less than the circuit-volume baseline,
/// in a phase whose circulating volume should be constant: perfusate is leaking from the circuit or pooling in the
/// abdomen. Either way cytotoxic fluid is where it should not be: pump stop and clamp closed to stop feeding the leak,
/// heater off. Latched. The baseline (<see cref="InterlockInput.CircuitVolumeBaseline"/>) is taken when steady-volume
/// perfusion begins and kept across phase changes, pauses, safe states and resets, so a leak split into segments adds
/// up; without one in force the rule is not armed. During the washout's saline exchange the control lane passes the
/// kept baseline less the exchange's planned drawdown, so the planned dip is not judged a loss (SRS-PH-023). A reset is
/// judged against the same baseline: the circuit must be refilled.
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
            $"circuit-volume baseline − reservoir volume > {NotNull(limits).ReservoirDrop}")
    {
        _limit = limits.ReservoirDrop;
    }

    public override bool AppliesTo(InterlockContext context) =>
        base.AppliesTo(context) && context.Input.CircuitVolumeBaseline is not null;

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.CircuitVolumeBaseline is not { } baseline)
        {
            return RuleCheck.Unknown("no circuit-volume baseline in force");
        }

        if (RuleReadings.Measured(context, SensorChannel.ReservoirVolume, out var reason) is not { } ml)
        {
            return RuleCheck.Unknown(reason);
        }

        var start = baseline.Milliliters;
        var drop = start - ml;
        return RuleCheck.Compare(drop > _limit.Milliliters,
            new DeferredMeasurement("reservoir loss since the circuit-volume baseline", drop, "mL", ">", _limit.Milliliters, context,
                static c => string.Create(CultureInfo.InvariantCulture,
                    $"{c.Input.CircuitVolumeBaseline!.Value.Milliliters:0} mL baseline, {ChannelValue.Of(c.Sensors.Frame!, SensorChannel.ReservoirVolume):0} mL now")));
    }
}
