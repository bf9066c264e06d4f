using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-ABDOMEN-PRESSURE-HIGH: intra-abdominal pressure (p_abdomen, closed technique) above <see cref="Limit"/> for
/// <see cref="InterlockTimings.AbdominalPressurePersistence"/> while the patient is connected: the abdomen is filled
/// faster than it drains (blocked outflow drain, overfill), and a sustained pressure above 20 mmHg is the threshold of
/// abdominal compartment syndrome (HAZ-013). The pump feeds the abdomen, so it is stopped (heater off with it: no
/// heating without flow); the drains keep emptying it. High, latched: the team clears the drains before perfusion resumes.
/// </summary>
public sealed class AbdominalPressureRule : InterlockRule
{
    /// <summary>
    /// 20 mmHg: WSACS consensus (Kirkpatrick et al., Intensive Care Med 2013;39:1190–1206) — normal IAP ≈ 5–7 mmHg,
    /// intra-abdominal hypertension from a sustained 12 mmHg, abdominal compartment syndrome a sustained IAP above 20 mmHg
    /// with new organ dysfunction. Closed HIPEC runs at ≈ 10–15 mmHg (the rig's fill: 10–12.6 mmHg in nominal runs).
    /// </summary>
    public static readonly Pressure Limit = Pressure.FromMillimetersOfMercury(20);

    public AbdominalPressureRule()
        : base(
            "IL-ABDOMEN-PRESSURE-HIGH",
            "Intra-abdominal pressure too high",
            Hazards.AbdominalOverpressure,
            "SRS-IL-061",
            AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            InterlockTimings.AbdominalPressurePersistence,
            InterlockPhases.PatientConnected,
            string.Create(CultureInfo.InvariantCulture, $"p_abdomen > {Limit}"))
    {
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Measured(context, SensorChannel.AbdominalPressure, out var reason) is not { } mmHg)
        {
            return RuleCheck.Unknown(reason);
        }

        return RuleCheck.Compare(mmHg > Limit.MillimetersOfMercury,
            new DeferredMeasurement("intra-abdominal pressure", mmHg, "mmHg", ">", Limit.MillimetersOfMercury));
    }
}
