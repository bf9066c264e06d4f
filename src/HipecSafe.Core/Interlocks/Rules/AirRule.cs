using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-AIR: the air detector sees air in the inflow line while the line must be air-free. Immediately (no
/// persistence): pump stop so no more air is pushed, clamp closed so the air in the line stays out of the patient,
/// heater off (no heating without flow). Latched: the line must be de-aired before an operator reset.
/// </summary>
public sealed class AirRule : InterlockRule
{
    public AirRule()
        : base(
            "IL-AIR",
            "Air in the inflow line",
            Hazards.AirInLine,
            "SRS-IL-019",
            AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop | InterlockResponse.ClampClose,
            ClearCondition.OperatorReset,
            Duration.Zero,
            InterlockPhases.AirFreeCirculation,
            "air_detected = 1")
    {
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Measured(context, SensorChannel.AirDetected, out var reason) is not { } air)
        {
            return RuleCheck.Unknown(reason);
        }

        return RuleCheck.Compare(air >= 1, new DeferredMeasurement("air_detected", air, "", "=", 1));
    }
}
