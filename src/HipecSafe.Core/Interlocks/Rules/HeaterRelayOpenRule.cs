using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEATER-RELAY-OPEN: the board holds heater_enable = 1 but the relay's contact reads open (board_status bit2 clear)
/// outside a limiter trip (bit1, which opens the relay on purpose), for <see cref="InterlockTimings.RelayFeedbackPersistence"/>:
/// a relay stuck open or a broken coil. The heater delivers nothing, so the therapy runs cold (HAZ-012); nothing gets
/// hot, so medium, alarm only, following its condition with a 2 s clear (a flag, OI-21). The opposite direction (closed
/// while commanded open, a welded relay) is IL-HEATER-RUNAWAY's. Unknown when the feedback or the held command was not
/// read back this cycle.
/// </summary>
public sealed class HeaterRelayOpenRule : InterlockRule
{
    public HeaterRelayOpenRule()
        : base(
            "IL-HEATER-RELAY-OPEN",
            "Heater relay does not close",
            Hazards.SubtherapeuticDrugAddition,
            "SRS-IL-053",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            InterlockTimings.RelayFeedbackPersistence,
            InterlockPhases.All,
            "held heater_enable = 1 and board_status bit2 (relay contact) clear, limiter not tripped")
    {
    }

    public override Duration ClearAfter => ClearMargins.FlagClearAfter;

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.BoardAndHeld(context, out var reason) is not var (feedback, held))
        {
            return RuleCheck.Unknown(reason);
        }

        var open = held.HeaterEnabled && !feedback.Has(BoardStatus.HeaterRelayClosed) && !feedback.Has(BoardStatus.LimiterTripped);
        return RuleCheck.Compare(open, new DeferredMeasurement("heater relay open while held closed", open ? 1 : 0, "", "=", 1));
    }
}
