namespace HipecSafe.Core.Actuators;

/// <summary>Bits of the actuator board's <c>board_status</c> input register (docs/icd.md).</summary>
[Flags]
public enum BoardStatus : ushort
{
    None = 0,
    SafeLatchedByWatchdog = 1 << 0,
    LimiterTripped = 1 << 1,
    /// <summary>bit2: the relay's real contact state (a welded relay reads closed), not the coil drive (OI-18).</summary>
    HeaterRelayClosed = 1 << 2,
    PumpRunning = 1 << 3,
    ClampOpen = 1 << 4,
    PumpMotorFault = 1 << 5,
}
