using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// A protective status bit reported by the actuator board. The board's own protection (watchdog latch, independent
/// limiter) acts without the software; IEC 60601-1 single-fault safety still requires the software to detect and
/// report the trip and to command the same safe state, so that nothing fights the board when it is reset.
/// </summary>
public sealed class BoardStatusRule : InterlockRule
{
    private readonly BoardStatus _bit;
    private readonly string _bitName;
    private readonly string _quantity;

    private BoardStatusRule(string id, string title, string hazardId, string requirementId, InterlockResponse response, BoardStatus bit, string bitName,
        IReadOnlySet<Phases.Phase>? phases = null)
        : base(id, title, hazardId, requirementId, AlarmPriority.High, response, ClearCondition.OperatorReset, Duration.Zero,
            phases ?? InterlockPhases.All, $"board_status {bitName} set")
    {
        _bit = bit;
        _bitName = bitName;
        _quantity = $"board_status {bitName}";
    }

    /// <summary>
    /// IL-BOARD-SAFE-LATCH: the board latched safe (its watchdog saw no heartbeat for 500 ms): control was lost. Armed
    /// after the self-test: until then bit0 is the board's power-on safe hold, which the self-test releases.
    /// </summary>
    public static BoardStatusRule WatchdogLatch() => new(
        "IL-BOARD-SAFE-LATCH", "Actuator board latched safe by its watchdog", Hazards.LossOfControl, "SRS-IL-003",
        InterlockResponse.SafeState | InterlockResponse.PumpStop, BoardStatus.SafeLatchedByWatchdog, "bit0 (safe-latched)", InterlockPhases.AfterSelfTest);

    /// <summary>IL-BOARD-LIMITER: the independent over-temperature limiter tripped (heater outlet ≥ 46 °C).</summary>
    public static BoardStatusRule LimiterTripped() => new(
        "IL-BOARD-LIMITER", "Independent heater limiter tripped", Hazards.HeaterRunaway, "SRS-IL-004",
        InterlockResponse.SafeState | InterlockResponse.PumpStop, BoardStatus.LimiterTripped, "bit1 (limiter tripped)");

    /// <summary>
    /// IL-PUMP-MOTOR-FAULT: the pump motor reports a fault, so flow is unknown or absent. Heater off (no heating
    /// without flow) and pump command withdrawn; the clamp stays as it is, since closing it does not help a
    /// stopped pump and fluid already in the abdomen must stay accessible.
    /// </summary>
    public static BoardStatusRule PumpMotorFault() => new(
        "IL-PUMP-MOTOR-FAULT", "Pump motor fault", Hazards.InadequateFlow, "SRS-IL-006",
        InterlockResponse.HeaterOff | InterlockResponse.PumpStop, BoardStatus.PumpMotorFault, "bit5 (pump motor fault)");

    /// <summary>The watchdog latch and the limiter are board latches, released by latch_reset; a motor fault is not.</summary>
    public override BoardStatus BoardLatch => _bit is BoardStatus.SafeLatchedByWatchdog or BoardStatus.LimiterTripped ? _bit : BoardStatus.None;

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Actuators is not { } feedback)
        {
            return RuleCheck.Unknown("no actuator board read-back this cycle");
        }

        var value = feedback.Has(_bit) ? 1 : 0;
        var measured = _bit == BoardStatus.LimiterTripped
            ? new DeferredMeasurement(_quantity, value, "", "=", 1, context, static c => $"limiter_temp {c.Input.Actuators!.LimiterTemperature}")
            : new DeferredMeasurement(_quantity, value, "", "=", 1);
        return RuleCheck.Compare(feedback.Has(_bit), measured);
    }
}
