using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;

namespace HipecSafe.Controller.Boards;

/// <summary>
/// The controller's access to the two boards (docs/icd.md). Only the board bus actor calls it, one call at a time,
/// so implementations need not be thread-safe.
/// </summary>
public interface IBoardPort
{
    /// <summary>Reads the sensor board, the actuator board's feedback and its holding registers (what it holds).</summary>
    BoardReadout Read();

    /// <summary>Writes the actuator set-points and the heartbeat register; returns a failure text or null.</summary>
    string? Write(ActuatorCommand command, ushort heartbeat);

    /// <summary>Writes 0x5AFE to latch_reset (the board honours it only with heater_enable = 0 and a changing heartbeat).</summary>
    string? ResetLatch();

    /// <summary>Human-readable bus statistics for reports (transactions, failures by kind).</summary>
    string Describe();
}
