using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEATER-RUNAWAY: the board reports heater power while the controller commanded it off, or the heater relay
/// closed while commanded open — a stuck driver or relay (HAZ-010). The controller cannot switch the heater off
/// itself, so it isolates the patient (clamp closed, pump stopped) and relies on the relay being opened by the safe
/// command, or on the independent limiter. Debounced by two cycles, since the board applies a command one cycle late.
/// </summary>
public sealed class HeaterRunawayRule : InterlockRule
{
    public HeaterRunawayRule()
        : base(
            "IL-HEATER-RUNAWAY",
            "Heater on although commanded off",
            Hazards.HeaterRunaway,
            "SRS-IL-005",
            AlarmPriority.High,
            InterlockResponse.SafeState | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            InterlockTimings.HeaterFeedbackDebounce,
            InterlockPhases.All,
            "heater_power_actual > 0 ‰ while commanded 0 ‰ or relay open, or heater relay closed while commanded open")
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
        var commandedOff = !command.HeaterEnabled || command.HeaterPowerPermille <= 0;
        if (!command.HeaterEnabled && feedback.Has(Actuators.BoardStatus.HeaterRelayClosed))
        {
            return RuleCheck.Holds(new Measurement("heater relay closed", 1, "", "=", 1, "relay commanded open"));
        }

        return RuleCheck.Compare(commandedOff && feedback.HeaterPowerActualPermille > 0,
            new DeferredMeasurement("heater_power_actual", feedback.HeaterPowerActualPermille, "‰", ">", 0, commandedOff ? "heater commanded off" : null));
    }
}
