using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Actuators;

/// <summary>The actuator board's own protection thresholds (docs/icd.md, board-level protection).</summary>
public static class BoardProtection
{
    /// <summary>The board latches safe when the heartbeat has not changed for longer than this.</summary>
    public static readonly TimeSpan WatchdogTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The independent limiter opens the heater relay at or above this heater-outlet temperature.</summary>
    public static readonly Temperature LimiterTrip = Temperature.FromDegreesCelsius(46.0);

    /// <summary>A tripped limiter (and a latch) is released by latch_reset only below this limiter temperature.</summary>
    public static readonly Temperature LimiterReleaseBelow = Temperature.FromDegreesCelsius(44.0);

    /// <summary>The value written to latch_reset to ask for a release.</summary>
    public const ushort LatchResetKey = 0x5AFE;
}
