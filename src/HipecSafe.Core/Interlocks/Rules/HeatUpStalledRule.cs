using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEATUP-STALLED: the fluid does not get the heat the heater is driven for. Energy balance over the heater: a power P
/// into a flow ṁ lifts it by ΔT = P / (ṁ·c). The rise measured across the circuit, inflow − outflow (the outflow feeds
/// the reservoir and so the heater; the reservoir's lag and the circuit's losses make the measured rise somewhat smaller,
/// 0.6 or more of the expected one in nominal runs once the exchanger is warm), falls below <see cref="StalledFraction"/>
/// of the expected rise for <see cref="InterlockTimings.HeatUpStalledPersistence"/> while the heater is driven (relay
/// contact closed, heater_power_actual > 0). heater_power_actual is the driver's output ahead of the relay, so an open
/// heater element shows full power and no rise: a heat-up that cannot progress (a heater element that opened 1 min into
/// Heating left the device 43 min in Heating at ≤ 39.98 °C without a record). Medium, alarm only: nothing gets hot, the
/// team checks the heater (HAZ-012: the drug cannot be given at temperature, or chemo runs below the band).
/// Judged only when the expected rise is at least <see cref="MinimumExpectedRise"/> and the flow at least
/// <see cref="MinimumFlow"/>; Unknown without valid inflow, outflow and flow readings or without the feedback.
/// </summary>
public sealed class HeatUpStalledRule : InterlockRule
{
    /// <summary>
    /// ρ·c of the carrier solution: the clinical figure P = ṁ·c·ΔT ≈ 105 W per kelvin at 1.5 L/min = 4.2 J/(mL·K).
    /// </summary>
    public const double HeatCapacityJoulesPerMilliliterKelvin = 4.2;

    /// <summary>The measured rise below this fraction of the expected one: far below the ≥ 0.6 of a warm, healthy heater.</summary>
    public const double StalledFraction = 0.25;

    /// <summary>
    /// The alarm clears at <see cref="StalledFraction"/> + this: at the smallest judged rise (1.5 K) that is 0.22 K, more
    /// than the ±0.2 K the two probes of the measured rise may err (±0.1 °C each), so one reading cannot clear it (OI-21).
    /// </summary>
    public const double ClearMarginFraction = 0.15;

    /// <summary>
    /// Below this expected rise the judgement drowns in the readings' error and the circuit's losses (≈ 80 W of
    /// reservoir, line and exchanger losses at 42 °C are ≈ 0.6 K at 2 L/min).
    /// </summary>
    public static readonly TemperatureDelta MinimumExpectedRise = TemperatureDelta.FromKelvins(1.5);

    /// <summary>Below this flow control may not heat at all (SRS-CT-015); the exchanger then heats standing fluid.</summary>
    public static readonly VolumetricFlow MinimumFlow = VolumetricFlow.FromLitersPerMinute(0.3);

    private static readonly IReadOnlySet<Phase> HeatedPhases = new HashSet<Phase>
    {
        Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout,
    };

    private readonly double _maxWatts;

    /// <param name="heaterMaxPower">The heater's power at 1000 ‰ (the device's 1 kW heater, ControlPlantModel).</param>
    public HeatUpStalledRule(Power heaterMaxPower)
        : base(
            "IL-HEATUP-STALLED",
            "Heating does not reach the fluid",
            Hazards.SubtherapeuticDrugAddition,
            "SRS-IL-059",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            InterlockTimings.HeatUpStalledPersistence,
            HeatedPhases,
            string.Create(CultureInfo.InvariantCulture,
                $"inflow − outflow < {StalledFraction} × heater_power_actual × {heaterMaxPower} / (flow × {HeatCapacityJoulesPerMilliliterKelvin} J/(mL·K)) while the relay is closed, expected rise ≥ {MinimumExpectedRise}, flow ≥ {MinimumFlow}; clears at ≥ {StalledFraction + ClearMarginFraction}"))
    {
        if (!(heaterMaxPower.Watts > 0) || double.IsInfinity(heaterMaxPower.Watts))
        {
            throw new ArgumentOutOfRangeException(nameof(heaterMaxPower), heaterMaxPower, "the heater's maximum power must be a finite power > 0 W");
        }

        _maxWatts = heaterMaxPower.Watts;
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Actuators is not { } feedback)
        {
            return RuleCheck.Unknown(RuleReadings.NoFeedback);
        }

        var sensors = context.Sensors;
        if (sensors.Frame is not { } frame)
        {
            return RuleCheck.Unknown(RuleReadings.NoSample);
        }

        if (!feedback.Has(BoardStatus.HeaterRelayClosed) || feedback.HeaterPowerActualPermille <= 0)
        {
            return RuleCheck.Clear();
        }

        if (!sensors.IsValid(SensorChannel.Flow))
        {
            return RuleCheck.Unknown($"flow unusable: {sensors.DetailOf(SensorChannel.Flow)}");
        }

        var mlPerSecond = frame.Flow.MillilitersPerMinute / 60.0;
        var expected = feedback.HeaterPowerActualPermille / 1000.0 * _maxWatts / (mlPerSecond * HeatCapacityJoulesPerMilliliterKelvin);
        if (frame.Flow < MinimumFlow || expected < MinimumExpectedRise.Kelvins)
        {
            return RuleCheck.Clear();
        }

        var inflow = InflowSelection.Select(sensors);
        if (inflow.Temperature is not { } inflowTemperature)
        {
            return RuleCheck.Unknown(inflow.Basis);
        }

        if (!sensors.IsValid(SensorChannel.Outflow))
        {
            return RuleCheck.Unknown($"outflow probe unusable: {sensors.DetailOf(SensorChannel.Outflow)}");
        }

        var measured = (inflowTemperature - frame.Outflow).Kelvins;
        var fraction = Math.Round(measured / expected, 2);
        var limit = tripActive ? StalledFraction + ClearMarginFraction : StalledFraction;
        return RuleCheck.Compare(fraction < limit,
            new Measurement("measured / expected heater rise", fraction, "", "<", limit,
                () => string.Create(CultureInfo.InvariantCulture,
                    $"inflow − outflow {measured:0.00} K, expected {expected:0.00} K = {feedback.HeaterPowerActualPermille} ‰ of {_maxWatts:0} W at {frame.Flow}")));
    }
}
