namespace HipecSafe.Core.Decisions;

/// <summary>What a gate rule does when it applies. Actions combine; none ever loosens what another did.</summary>
[Flags]
public enum GateAction
{
    None = 0,

    /// <summary>Heater relay open and power 0, pump stopped, inflow clamp closed.</summary>
    SafeCommand = 1 << 0,

    /// <summary>Heater relay open and power 0.</summary>
    HeaterOff = 1 << 1,

    /// <summary>Pump speed 0.</summary>
    PumpStop = 1 << 2,

    /// <summary>The board heartbeat does not advance, so the board's own watchdog latches it safe as well.</summary>
    WithholdHeartbeat = 1 << 3,

    /// <summary>The board's latch release (latch_reset) is not written this cycle.</summary>
    WithholdLatchRelease = 1 << 4,
}
