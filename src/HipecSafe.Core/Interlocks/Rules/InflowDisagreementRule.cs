using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-INFLOW-DISAGREE: the redundant inflow probes differ by more than the limit (default 0.3 °C) for the
/// persistence time (default 2 s): one of them is wrong and there is no third probe to tell which. Medium, alarm
/// only: meanwhile control and IL-INFLOW-HIGH both use the higher reading (<see cref="Sensors.Validation.InflowSelection"/>),
/// so under a single fault the device can only under-heat, not over-heat — the harm is lost redundancy and possible
/// under-dosing, which the team must resolve within minutes, not seconds. It clears once the probes agree within the
/// limit less <see cref="ClearMargins.ProbeDifference"/> (OI-21).
/// </summary>
public sealed class InflowDisagreementRule : InterlockRule
{
    private readonly TemperatureDelta _limit;

    public InflowDisagreementRule(AlarmLimits limits)
        : base(
            "IL-INFLOW-DISAGREE",
            "Inflow probes disagree",
            Hazards.TemperatureSensorFault,
            "SRS-IL-013",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            NotNull(limits).InflowDisagreementFor,
            InterlockPhases.PatientConnected,
            $"|inflow A − inflow B| > {NotNull(limits).InflowDisagreement}, clears at ≤ {limits.InflowDisagreement - ClearMargins.ProbeDifference}")
    {
        _limit = limits.InflowDisagreement;
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

        // With a probe faulted there is nothing to compare; IL-INFLOW-PROBE-FAULT reports that instead.
        if (sensors.HasSignalFault(SensorChannel.InflowA) || sensors.HasSignalFault(SensorChannel.InflowB))
        {
            return RuleCheck.Unknown(RuleReadings.NoneUsable(context, [SensorChannel.InflowA, SensorChannel.InflowB]));
        }

        // An active alarm holds until the probes agree within the limit less the clear margin (OI-21).
        var limit = tripActive ? _limit - ClearMargins.ProbeDifference : _limit;
        var difference = (frame.InflowA - frame.InflowB).Abs();
        return RuleCheck.Compare(difference > limit,
            new DeferredMeasurement("|inflow A − inflow B|", difference.DegreesCelsius, "°C", ">", limit.DegreesCelsius, context,
                static c => $"A {c.Sensors.Frame!.InflowA}, B {c.Sensors.Frame!.InflowB}"));
    }
}
