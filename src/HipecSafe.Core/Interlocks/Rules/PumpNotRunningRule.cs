using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-PUMP-NOT-RUNNING: the board holds a pump speed but the rotor does not turn — board_status bit3 (pump running) clear,
/// or pump_speed_actual below <see cref="StoppedFraction"/> of the held speed — for
/// <see cref="InterlockTimings.PumpFeedbackPersistence"/>, from <see cref="InterlockTimings.PumpSpinUp"/> after the pump
/// start, in every pumping phase (a jammed rotor, a slipping coupling: no motor-fault flag). No flow: heater off, so it
/// cannot heat fluid standing in the exchanger; latched, high. The pump command is left to control (a pump that starts
/// again circulates; pumping against nothing harms nothing). Unknown when the feedback or the held command was not
/// read back this cycle.
/// </summary>
public sealed class PumpNotRunningRule : InterlockRule
{
    /// <summary>
    /// Below a tenth of the held speed the pump is as good as stopped: at the 2 L/min default that is 0.2 L/min, below
    /// the 0.3 L/min under which control may not heat at all (SRS-CT-015).
    /// </summary>
    public const double StoppedFraction = 0.1;

    private readonly TimeSpan _spinUp;

    public PumpNotRunningRule()
        : base(
            "IL-PUMP-NOT-RUNNING",
            "Pump commanded but not running",
            Hazards.InadequateFlow,
            "SRS-IL-052",
            AlarmPriority.High,
            InterlockResponse.HeaterOff,
            ClearCondition.OperatorReset,
            InterlockTimings.PumpFeedbackPersistence,
            InterlockPhases.Pumping,
            string.Create(CultureInfo.InvariantCulture,
                $"held pump_speed_cmd > 0 and (board_status bit3 clear or pump_speed_actual < {StoppedFraction * 100:0} % of it), {InterlockTimings.PumpSpinUp} after the pump start"))
    {
        _spinUp = Sensors.Validation.DurationTicks.ToTimeSpan(InterlockTimings.PumpSpinUp);
    }

    public override bool AppliesTo(InterlockContext context)
    {
        if (!base.AppliesTo(context))
        {
            return false;
        }

        var input = context.Input;
        return input.PumpStartedAt is { } started && input.Now - started >= _spinUp;
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.BoardAndHeld(context, out var reason) is not var (feedback, held))
        {
            return RuleCheck.Unknown(reason);
        }

        if (!(held.PumpSpeedRpm > 0))
        {
            return RuleCheck.Clear();
        }

        var speed = feedback.PumpSpeedActualRpm;
        var running = feedback.Has(BoardStatus.PumpRunning);
        var limit = StoppedFraction * held.PumpSpeedRpm;
        return RuleCheck.Compare(!running || speed < limit,
            new DeferredMeasurement("pump_speed_actual", speed, "rpm", "<", Math.Round(limit, 2), context,
                static c => string.Create(CultureInfo.InvariantCulture,
                    $"held {c.Input.LastCommand.PumpSpeedRpm:0.0} rpm, board_status bit3 {(c.Input.Actuators!.Has(BoardStatus.PumpRunning) ? "set" : "clear")}")));
    }
}
