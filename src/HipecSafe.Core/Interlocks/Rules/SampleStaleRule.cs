using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-SAMPLE-STALE: the sensor board's sample_counter has not advanced for longer than the stale limit (default
/// 300 ms = 6 missed samples at 20 Hz). The board answers but no longer samples, so every value it returns is old:
/// control is blind. Safe state.
/// </summary>
public sealed class SampleStaleRule : InterlockRule
{
    private readonly Duration _limit;

    public SampleStaleRule(AlarmLimits limits)
        : base(
            "IL-SAMPLE-STALE",
            "Sensor board stopped sampling",
            Hazards.LossOfControl,
            "SRS-IL-002",
            AlarmPriority.High,
            InterlockResponse.SafeState | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            Duration.Zero,
            InterlockPhases.All,
            $"sample_counter unchanged for > {Limit(limits)}")
    {
        _limit = Limit(limits);
    }

    // Staleness is timed by the validator against the same limit; the rule itself needs no persistence.
    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RuleCheck.Compare(context.Sensors.IsStale,
            new DeferredMeasurement("sample counter unchanged for", context.Sensors.SinceCounterAdvanced.TotalMilliseconds, "ms", ">", _limit.Milliseconds));
    }

    private static Duration Limit(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.SampleStaleAfter;
    }
}
