using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>The reservoir volume below a limit while the pump circulates from it.</summary>
public sealed class ReservoirLevelRule : InterlockRule
{
    private readonly Volume _limit;
    private readonly Volume _clearMargin;

    private ReservoirLevelRule(string id, string title, string requirementId, AlarmPriority priority, InterlockResponse response,
        ClearCondition clear, Volume limit, Volume clearMargin = default)
        : base(id, title, Hazards.ReservoirDepletion, requirementId, priority, response, clear, Duration.Zero,
            InterlockPhases.Circulating,
            clearMargin > Volume.Zero ? $"reservoir volume < {limit}, clears at ≥ {limit + clearMargin}" : $"reservoir volume < {limit}")
    {
        _limit = limit;
        _clearMargin = clearMargin;
    }

    /// <summary>
    /// IL-RESERVOIR-CRITICAL: below the critical volume (default 300 mL) the pump will soon draw air and run dry.
    /// Pump stop, heater off. Latched, so the pump does not start and stop on a sloshing level.
    /// </summary>
    public static ReservoirLevelRule Critical(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new("IL-RESERVOIR-CRITICAL", "Reservoir almost empty", "SRS-IL-021", AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop, ClearCondition.OperatorReset, limits.ReservoirCritical);
    }

    /// <summary>
    /// IL-RESERVOIR-LOW: below the low volume (default 600 mL): the team has minutes to add fluid. Medium, alarm only;
    /// clears at the low volume plus <see cref="ClearMargins.ReservoirLevel"/> (OI-21).
    /// </summary>
    public static ReservoirLevelRule Low(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new("IL-RESERVOIR-LOW", "Reservoir low", "SRS-IL-022", AlarmPriority.Medium,
            InterlockResponse.None, ClearCondition.WhenConditionClears, limits.ReservoirLow, ClearMargins.ReservoirLevel);
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.Measured(context, SensorChannel.ReservoirVolume, out var reason) is not { } ml)
        {
            return RuleCheck.Unknown(reason);
        }

        var limit = tripActive ? _limit + _clearMargin : _limit;
        return RuleCheck.Compare(ml < limit.Milliliters, new DeferredMeasurement("reservoir volume", ml, "mL", "<", limit.Milliliters));
    }
}
