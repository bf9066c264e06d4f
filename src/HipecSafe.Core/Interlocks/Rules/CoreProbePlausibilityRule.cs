using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-CORE-PROBE-IMPLAUSIBLE: the single core probe gives a valid reading that no patient can have, for
/// <see cref="InterlockTimings.CoreProbePlausibilityPersistence"/> while the patient is connected: outside the
/// physiological range, moving faster than a body can, or frozen. A core probe displaced into air, or stuck at a value,
/// leaves IL-CORE-WARNING and IL-CORE-HIGH blind without a fault flag (hazard analysis OI-06). Medium, alarm only, like
/// IL-CORE-PROBE-FAULT: the anaesthetist checks the probe and takes the core from the patient monitor meanwhile (HAZ-003).
/// The range and the rate clear at <see cref="ClearMargins.Temperature"/> inside their limits; a frozen value clears at
/// the next change (OI-21). The history it needs is a <see cref="CoreProbeHistory"/> in the engine's state.
/// </summary>
public sealed class CoreProbePlausibilityRule : InterlockRule<CoreProbeHistory>
{
    /// <summary>
    /// Below 33 °C an anaesthetised patient is moderately hypothermic, which cannot happen with 41–43 °C perfusate in the
    /// abdomen; a probe reading it is out of the patient (room air ≈ 20–25 °C).
    /// </summary>
    public static readonly Temperature RangeLow = Temperature.FromDegreesCelsius(33.0);

    /// <summary>Above 42 °C a core would be in critical hyperthermia; IL-CORE-HIGH trips at 40.0 °C long before it.</summary>
    public static readonly Temperature RangeHigh = Temperature.FromDegreesCelsius(42.0);

    /// <summary>
    /// A body core (≈ 55 kg × 3.5 kJ/(kg·K) ≈ 190 kJ/K) warmed by the few hundred watts of a HIPEC changes by ≈ 0.1 K per
    /// minute at most; 1 K within one to two minutes (≥ 0.5 K/min) is a probe moving, not the patient.
    /// </summary>
    public static readonly TemperatureDelta RateLimit = TemperatureDelta.FromKelvins(1.0);

    /// <summary>The window over which the rate is judged: the reference is one to two windows old.</summary>
    public static readonly Duration RateWindow = Duration.FromMinutes(1);

    /// <summary>How often the reading is sampled for the history.</summary>
    public static readonly Duration SampleInterval = Duration.FromSeconds(10);

    /// <summary>
    /// Ten minutes of identical samples (0.01 °C resolution): a live probe's ±0.1 °C noise and a core that moves during a
    /// HIPEC change the reading far more often; a board that freezes altogether is IL-SAMPLE-STALE's.
    /// </summary>
    public const int FrozenSamples = 60;

    private readonly TimeSpan _sampleInterval;
    private readonly TimeSpan _rateWindow;

    public CoreProbePlausibilityRule()
        : base(
            "IL-CORE-PROBE-IMPLAUSIBLE",
            "Core probe reading implausible",
            Hazards.CoreHyperthermia,
            "SRS-IL-063",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            InterlockTimings.CoreProbePlausibilityPersistence,
            InterlockPhases.PatientConnected,
            string.Create(CultureInfo.InvariantCulture,
                $"valid core reading < {RangeLow} or > {RangeHigh}, or changed by > {RateLimit} from its reading 1–2 min before, or unchanged for {FrozenSamples} samples {SampleInterval} apart; range and rate clear {ClearMargins.Temperature} inside"))
    {
        _sampleInterval = DurationTicks.ToTimeSpan(SampleInterval);
        _rateWindow = DurationTicks.ToTimeSpan(RateWindow);
    }

    protected override CoreProbeHistory Initial => CoreProbeHistory.Empty;

    protected override (bool Applies, CoreProbeHistory Memory) ArmWith(InterlockContext context, CoreProbeHistory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (!AppliesTo(context))
        {
            // Out of the patient (Standby, self-test) the probe reads the room: a fresh history when it is placed.
            return (false, CoreProbeHistory.Empty);
        }

        if (Valid(context) is not { } core)
        {
            return (true, memory);
        }

        var now = context.Input.Now;
        if (memory.SampledAt is { } sampledAt && now - sampledAt < _sampleInterval)
        {
            return (true, memory);
        }

        var unchanged = memory.SampledAt is not null && core == memory.LastSample ? memory.UnchangedSamples + 1 : 0;
        var next = memory.SampledAt is null || now - memory.ReferenceAt >= _rateWindow
            ? new CoreProbeHistory(now, core, unchanged, now, core, memory.SampledAt is null ? null : memory.Reference)
            : memory with { SampledAt = now, LastSample = core, UnchangedSamples = unchanged };
        return (true, next);
    }

    public override RuleCheck Check(InterlockContext context) => CheckWith(context, CoreProbeHistory.Empty, tripActive: false);

    protected override RuleCheck CheckWith(InterlockContext context, CoreProbeHistory memory, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memory);
        if (Valid(context) is not { } core)
        {
            return RuleCheck.Unknown(context.Sensors.Frame is null
                ? RuleReadings.NoSample
                : $"core probe unusable: {context.Sensors.DetailOf(SensorChannel.Core)}");
        }

        var margin = tripActive ? ClearMargins.Temperature : TemperatureDelta.Zero;
        var low = (RangeLow + margin).DegreesCelsius;
        var high = (RangeHigh - margin).DegreesCelsius;
        if (core < low)
        {
            return RuleCheck.Holds(new Measurement("core reading", core, "°C", "<", low, "below the physiological range"));
        }

        if (core > high)
        {
            return RuleCheck.Holds(new Measurement("core reading", core, "°C", ">", high, "above the physiological range"));
        }

        if (memory.Previous is { } previous)
        {
            var change = Math.Round(Math.Abs(core - previous), 2);
            var limit = (RateLimit - margin).Kelvins;
            if (change > limit)
            {
                return RuleCheck.Holds(new Measurement("core change within 1–2 min", change, "K", ">", limit,
                    () => string.Create(CultureInfo.InvariantCulture, $"{previous:0.00} °C then, {core:0.00} °C now: faster than a body")));
            }
        }

        // UnchangedSamples counts the repeats after the first identical sample: n repeats are n + 1 identical samples.
        return RuleCheck.Compare(memory.UnchangedSamples + 1 >= FrozenSamples,
            new DeferredMeasurement("identical core samples in a row", memory.UnchangedSamples + 1, "", "≥", FrozenSamples));
    }

    private static double? Valid(InterlockContext context) =>
        context.Sensors.Frame is { } frame && context.Sensors.IsValid(SensorChannel.Core) ? frame.Core.DegreesCelsius : null;
}
