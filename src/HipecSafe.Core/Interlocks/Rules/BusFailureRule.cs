using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>The two slaves on the Modbus bus.</summary>
public enum BusBoard
{
    Sensor,
    Actuator,
}

/// <summary>
/// IL-BUS-SENSOR / IL-BUS-ACTUATOR: N consecutive failed transactions with one board (ICD: 3) = communication
/// fault. Without the sensor board nothing is measured; without the actuator board nothing can be commanded —
/// either way the controller has lost control, so the device goes to its safe state (the board watchdog follows on
/// its own 500 ms later if the controller's writes no longer arrive).
/// </summary>
public sealed class BusFailureRule : InterlockRule
{
    private readonly BusBoard _board;
    private readonly int _limit;
    private readonly string _quantity;

    public BusFailureRule(AlarmLimits limits, BusBoard board)
        : base(
            board == BusBoard.Sensor ? "IL-BUS-SENSOR" : "IL-BUS-ACTUATOR",
            $"Communication with the {Name(board)} lost",
            Hazards.LossOfControl,
            "SRS-IL-001",
            AlarmPriority.High,
            InterlockResponse.SafeState | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            Duration.Zero,
            InterlockPhases.All,
            $"consecutive failed transactions with the {Name(board)} ≥ {Limit(limits)}")
    {
        _board = board;
        _limit = Limit(limits);
        _quantity = $"consecutive failed transactions with the {Name(board)}";
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failures = _board == BusBoard.Sensor ? context.Input.BusFailures.SensorBoard : context.Input.BusFailures.ActuatorBoard;
        return RuleCheck.Compare(failures >= _limit,
            new DeferredMeasurement(_quantity, failures, "", "≥", _limit));
    }

    private static int Limit(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.BusFailuresForFault;
    }

    private static string Name(BusBoard board) => board == BusBoard.Sensor ? "sensor board" : "actuator board";
}
