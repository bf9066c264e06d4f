using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// A temperature at or above a limit on the hottest of a group of probes. Any physically possible reading counts,
/// including a suspect one (stale, or moving faster than fluid can): when a probe that might be right says "too hot",
/// the device believes it. Only broken channels (board flag, out of range) are left to the sensor-fault rules.
/// </summary>
public sealed class OverTemperatureRule : InterlockRule
{
    private static readonly SensorChannel[] InflowProbes = [SensorChannel.InflowA, SensorChannel.InflowB];
    private static readonly SensorChannel[] AbdominalProbes =
        [SensorChannel.Abdomen1, SensorChannel.Abdomen2, SensorChannel.Abdomen3, SensorChannel.Abdomen4];
    private static readonly SensorChannel[] CoreProbe = [SensorChannel.Core];

    private readonly IReadOnlyList<SensorChannel> _channels;
    private readonly string _quantity;
    private readonly Temperature _limit;
    private readonly TemperatureDelta _clearMargin;

    private OverTemperatureRule(
        string id, string title, string hazardId, string requirementId, AlarmPriority priority, InterlockResponse response,
        ClearCondition clear, IReadOnlyList<SensorChannel> channels, string quantity, Temperature limit,
        TemperatureDelta clearMargin = default)
        : base(id, title, hazardId, requirementId, priority, response, clear, Duration.Zero, InterlockPhases.All,
            clearMargin > TemperatureDelta.Zero ? $"{quantity} ≥ {limit}, clears below {limit - clearMargin}" : $"{quantity} ≥ {limit}")
    {
        _channels = channels;
        _quantity = quantity;
        _limit = limit;
        _clearMargin = clearMargin;
    }

    /// <summary>
    /// IL-INFLOW-HIGH: the higher of inflow A/B ≥ the inflow limit (default 45.0 °C). Fluid that hot must not reach
    /// the patient: heater off, pump stopped, clamp closed, SafeState.
    /// </summary>
    public static OverTemperatureRule InflowHigh(AlarmLimits limits) => new(
        "IL-INFLOW-HIGH", "Inflow temperature too high", Hazards.InflowOvertemperature, "SRS-IL-007", AlarmPriority.High,
        InterlockResponse.SafeState | InterlockResponse.PumpStop, ClearCondition.OperatorReset,
        InflowProbes, "inflow (higher of A/B)", NotNull(limits).InflowHigh);

    /// <summary>
    /// IL-ABDOMEN-HIGH: any abdominal probe ≥ the abdominal limit (default 43.5 °C; perforation risk above 43 °C).
    /// The inflow is hotter than the abdomen, so circulating further only adds heat: SafeState with the pump stopped.
    /// </summary>
    public static OverTemperatureRule AbdomenHigh(AlarmLimits limits) => new(
        "IL-ABDOMEN-HIGH", "Abdominal temperature too high", Hazards.AbdominalOverheating, "SRS-IL-008", AlarmPriority.High,
        InterlockResponse.SafeState | InterlockResponse.PumpStop, ClearCondition.OperatorReset,
        AbdominalProbes, "hottest abdominal probe", NotNull(limits).AbdominalHigh);

    /// <summary>
    /// IL-ABDOMEN-WARNING: the hottest abdominal probe ≥ the profile's band high (default 43.0 °C: perforation risk above
    /// 43 °C), below the IL-ABDOMEN-HIGH trip at 43.5 °C. Control holds the hottest probe at band high − 0.3 K, so reaching
    /// band high means control is losing the abdomen: medium, alarm only, so the team can act before the trip; clears below
    /// band high less <see cref="ClearMargins.Temperature"/> (OI-08, OI-21).
    /// </summary>
    public static OverTemperatureRule AbdomenWarning(AlarmLimits limits) => new(
        "IL-ABDOMEN-WARNING", "Abdominal temperature at the band's upper limit", Hazards.AbdominalOverheating, "SRS-IL-066", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears,
        AbdominalProbes, "hottest abdominal probe", NotNull(limits).AbdominalBandHigh, ClearMargins.Temperature);

    /// <summary>
    /// IL-CORE-HIGH: core ≥ the core limit (default 40.0 °C). Heater off, but circulation continues: perfusate
    /// circulating without heat cools the abdomen and with it the patient, whereas hot fluid left standing in the
    /// abdomen keeps warming the patient. Latched so that heating does not resume by itself around the limit.
    /// </summary>
    public static OverTemperatureRule CoreHigh(AlarmLimits limits) => new(
        "IL-CORE-HIGH", "Patient core temperature too high", Hazards.CoreHyperthermia, "SRS-IL-009", AlarmPriority.High,
        InterlockResponse.HeaterOff, ClearCondition.OperatorReset,
        CoreProbe, "core", NotNull(limits).CoreHigh);

    /// <summary>
    /// IL-CORE-WARNING: core ≥ the warning limit (default 39.5 °C; reached in 27 % of 90-min HIPECs). Alarm only:
    /// the response — lower inflow set-point, external cooling — is control's and the team's; forcing the heater
    /// off here would interrupt therapy in a quarter of procedures, while IL-CORE-HIGH still cuts the heater at 40.0 °C.
    /// Clears only below the limit less <see cref="ClearMargins.Temperature"/> (39.3 °C), so a core sitting at the
    /// limit does not chatter (OI-21).
    /// </summary>
    public static OverTemperatureRule CoreWarning(AlarmLimits limits) => new(
        "IL-CORE-WARNING", "Patient core temperature rising", Hazards.CoreHyperthermia, "SRS-IL-010", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears,
        CoreProbe, "core", NotNull(limits).CoreWarning, ClearMargins.Temperature);

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Hottest(context, _channels) is not { } hottest)
        {
            return RuleCheck.Unknown(RuleReadings.NoneUsable(context, _channels));
        }

        var detail = _channels.Count > 1 ? ChannelValue.Name(hottest.Channel) : null;
        if (!context.Sensors.IsValid(hottest.Channel))
        {
            detail = $"{detail ?? ChannelValue.Name(hottest.Channel)}, suspect: {context.Sensors.DetailOf(hottest.Channel)}";
        }

        // An active trip with a clear margin holds until the value is below the limit less the margin.
        var limit = tripActive ? _limit - _clearMargin : _limit;
        return RuleCheck.Compare(hottest.Value >= limit.DegreesCelsius,
            new DeferredMeasurement(_quantity, hottest.Value, "°C", "≥", limit.DegreesCelsius, detail));
    }
}
