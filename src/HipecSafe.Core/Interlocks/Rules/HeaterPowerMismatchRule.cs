using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEATER-POWER-MISMATCH: while the heater is commanded on, the board reports more driver output than commanded
/// by more than <see cref="TolerancePermille"/> for <see cref="InterlockTimings.HeaterPowerMismatchPersistence"/> — a
/// stuck power driver (HAZ-010) seen while control still asks for power, where IL-HEATER-RUNAWAY (power while commanded
/// off) is blind. Without it the control law would keep switching the relay on and off around the set-point with one
/// of the two heater-off means already lost. heater_power_actual is the driver's output ahead of the relay (hazard
/// analysis OI-18), so the rule does not need the relay to be closed; with the relay commanded open the stricter
/// IL-HEATER-RUNAWAY applies. Same response as IL-HEATER-RUNAWAY: the patient is isolated and the relay opened.
/// </summary>
public sealed class HeaterPowerMismatchRule : InterlockRule
{
    /// <summary>
    /// Excess of heater_power_actual over the command (‰ of full scale) that is never a measurement effect: the
    /// register is an integer ‰ (quantisation 1 ‰), a board that applies a command one or more cycles late shows at most
    /// the command's fall over those cycles (≤ 41 ‰ measured over 1–5 cycles in nominal runs, seeds 1–3), and the rest
    /// is left for the driver's read-back accuracy (the ICD states none; ≤ 5 % of full scale assumed). A driver stuck
    /// less than this above the command is absorbed by control, which then lowers the command to 0 ‰ and trips
    /// IL-HEATER-RUNAWAY.
    /// </summary>
    public const int TolerancePermille = 100;

    public HeaterPowerMismatchRule()
        : base(
            "IL-HEATER-POWER-MISMATCH",
            "Heater power above command",
            Hazards.HeaterRunaway,
            "SRS-IL-047",
            AlarmPriority.High,
            InterlockResponse.SafeState | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            InterlockTimings.HeaterPowerMismatchPersistence,
            InterlockPhases.All,
            string.Create(CultureInfo.InvariantCulture, $"heater_power_actual > heater_power_cmd + {TolerancePermille} ‰ while the heater is commanded on"))
    {
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Actuators is not { } feedback)
        {
            return RuleCheck.Unknown("no actuator board read-back this cycle");
        }

        var command = context.Input.LastCommand;
        if (!command.HeaterEnabled)
        {
            // Commanded off: any power at all is IL-HEATER-RUNAWAY's, with the stricter limit 0 ‰.
            return RuleCheck.Clear();
        }

        var limit = command.HeaterPowerPermille + TolerancePermille;
        var actual = feedback.HeaterPowerActualPermille;
        return RuleCheck.Compare(actual > limit,
            new DeferredMeasurement("heater_power_actual", actual, "‰", ">", limit, context,
                static c => string.Create(CultureInfo.InvariantCulture, $"commanded {c.Input.LastCommand.HeaterPowerPermille} ‰ + {TolerancePermille} ‰")));
    }
}
