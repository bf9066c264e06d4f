using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEATER-POWER-LOW: while the board holds the heater on, heater_power_actual (the driver's output, ahead of the
/// relay) is more than <see cref="HeaterPowerMismatchRule.TolerancePermille"/> below the held power for
/// <see cref="InterlockTimings.HeaterPowerMismatchPersistence"/> — the mirror of IL-HEATER-POWER-MISMATCH. The driver no
/// longer follows its command: failed low, or stuck at a level (a driver stuck at 881 ‰ under a 1000 ‰ heat-up command
/// was found only 37.5 s later, once control asked less). A driver that does not follow may also not go to 0 ‰, so the
/// relay is opened while it still can be (heater off, high, latched; HAZ-010); if the driver is stuck on, IL-HEATER-RUNAWAY
/// then sees it behind the open relay. Unknown when the feedback or the held command was not read back this cycle.
/// </summary>
public sealed class HeaterPowerLowRule : InterlockRule
{
    public HeaterPowerLowRule()
        : base(
            "IL-HEATER-POWER-LOW",
            "Heater power below command",
            Hazards.HeaterRunaway,
            "SRS-IL-056",
            AlarmPriority.High,
            InterlockResponse.HeaterOff,
            ClearCondition.OperatorReset,
            InterlockTimings.HeaterPowerMismatchPersistence,
            InterlockPhases.All,
            string.Create(CultureInfo.InvariantCulture,
                $"heater_power_actual < held heater_power_cmd − {HeaterPowerMismatchRule.TolerancePermille} ‰ while the board holds the heater on"))
    {
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.BoardAndHeld(context, out var reason) is not var (feedback, held))
        {
            return RuleCheck.Unknown(reason);
        }

        if (!held.HeaterEnabled)
        {
            return RuleCheck.Clear();
        }

        var limit = held.HeaterPowerPermille - HeaterPowerMismatchRule.TolerancePermille;
        var actual = feedback.HeaterPowerActualPermille;
        return RuleCheck.Compare(actual < limit,
            new DeferredMeasurement("heater_power_actual", actual, "‰", "<", limit, context,
                static c => string.Create(CultureInfo.InvariantCulture, $"held {c.Input.LastCommand.HeaterPowerPermille} ‰ − {HeaterPowerMismatchRule.TolerancePermille} ‰")));
    }
}
