using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-OCCLUSION: inflow line pressure above the limit (default 300 mmHg) for the persistence time (default 0.5 s,
/// long enough to ride out the roller pump's pulsation): the line is kinked or clamped. A roller pump against an
/// occlusion can burst the tubing and spill cytotoxic perfusate: pump stop, heater off (no heating without flow).
/// Latched, so the pump does not restart into a kink by itself once the pressure has fallen.
/// </summary>
public sealed class OcclusionRule : InterlockRule
{
    private readonly Pressure _limit;

    public OcclusionRule(AlarmLimits limits)
        : base(
            "IL-OCCLUSION",
            "Inflow line occluded",
            Hazards.Occlusion,
            "SRS-IL-017",
            AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            NotNull(limits).LinePressureFor,
            InterlockPhases.All,
            $"line pressure > {NotNull(limits).LinePressureHigh}")
    {
        _limit = limits.LinePressureHigh;
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Measured(context, SensorChannel.InflowPressure, out var reason) is not { } mmHg)
        {
            return RuleCheck.Unknown(reason);
        }

        return RuleCheck.Compare(mmHg > _limit.MillimetersOfMercury,
            new DeferredMeasurement("line pressure", mmHg, "mmHg", ">", _limit.MillimetersOfMercury));
    }
}
