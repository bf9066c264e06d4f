using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// The emulated boards and the plant after one real-time step, for status lines and test assertions.
/// Times are on the boards' clock: time since <see cref="RealTimeBoards.Start"/>; a step runs at its scheduled time.
/// </summary>
/// <param name="Time">Scheduled time of this step (a multiple of the 50 ms board step).</param>
/// <param name="Steps">Steps run so far.</param>
/// <param name="Truth">The plant's physical state after the step.</param>
/// <param name="Outputs">What the actuator board drove into the plant during the step (after its watchdog and limiter).</param>
/// <param name="SafeLatched">The actuator board's SAFE latch (board_status bit0): its power-on hold or its watchdog.</param>
/// <param name="LimiterTripped">The independent over-temperature limiter.</param>
/// <param name="PowerOnHold">True until the controller first releases the board's power-on safe hold.</param>
/// <param name="LastHeartbeatChangeAt">When the master last wrote a changed heartbeat; null before the first.</param>
/// <param name="SafeLatchedAt">When the board latched (0 for the power-on hold, else the step that latched it); null while not latched.</param>
/// <param name="BusCut">True while the bus is cut by fault injection.</param>
/// <param name="AbdominalDrainOpen">The operator's abdominal drains.</param>
/// <param name="RequestsAnswered">Modbus requests both boards have answered.</param>
public sealed record BoardsSnapshot(
    TimeSpan Time,
    long Steps,
    PlantState Truth,
    PlantInputs Outputs,
    bool SafeLatched,
    bool LimiterTripped,
    bool PowerOnHold,
    TimeSpan? LastHeartbeatChangeAt,
    TimeSpan? SafeLatchedAt,
    bool BusCut,
    bool AbdominalDrainOpen,
    long RequestsAnswered)
{
    /// <summary>Heater delivering nothing, pump still, inflow clamp closed: what the board's safe latch must achieve.</summary>
    public bool PlantSafe => Truth.HeaterPowerDelivered.Watts == 0 && Truth.PumpSpeedRpm == 0 && !Truth.ClampOpen;
}
