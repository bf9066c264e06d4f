namespace HipecSafe.Core.Interlocks;

/// <summary>Consecutive failed Modbus transactions per board (reset to 0 by the bus owner after a good one).</summary>
public sealed record BusFailureCounts(int SensorBoard, int ActuatorBoard)
{
    public static BusFailureCounts None { get; } = new(0, 0);
}
