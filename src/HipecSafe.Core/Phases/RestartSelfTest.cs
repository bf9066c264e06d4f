using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Phases;

/// <summary>
/// What the self-test of a controller restarted mid-procedure allows that a power-on self-test does not: two states
/// the procedure itself reaches and that no repair can end sooner (SRS-RS-009, SRS-RS-010). Everything else is judged
/// as at any power-on (SRS-PH-001, SRS-PH-021).
/// </summary>
public static class RestartSelfTest
{
    /// <summary>
    /// How long the restart self-test waits for the limiter to cool before it fails: 10 min at 10 Hz. A heater stopped
    /// hot (outlet ≤ 46 °C, the limiter's trip) needs minutes to fall below 44 °C with the pump stopped (2–4 min on the
    /// rig's plant); one that does not cool in 10 min with the heater held off is not cooling down, it is a fault.
    /// </summary>
    public const int MaxCoolingCycles = 6_000;

    /// <summary>
    /// Why the self-test waits instead of failing, or null: the actuator board is in its safe hold (board_status bit0 or
    /// bit1) and its limiter sensor reads at or above the release threshold, so the board refuses every latch_reset
    /// until the heater outlet has cooled (docs/icd.md §7.3, §7.4). The release goes on being asked for every cycle.
    /// </summary>
    public static string? CoolingWait(ActuatorFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var held = feedback.Has(BoardStatus.SafeLatchedByWatchdog) || feedback.Has(BoardStatus.LimiterTripped);
        if (!held || feedback.LimiterTemperature < BoardProtection.LimiterReleaseBelow)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"limiter {feedback.LimiterTemperature.DegreesCelsius:0.00} °C: the actuator board releases its hold only below {BoardProtection.LimiterReleaseBelow.DegreesCelsius:0.00} °C");
    }

    /// <summary>
    /// Whether a channel fault is what the interrupted phase itself produces, and so not a self-test problem: in Draining
    /// the drains are open and the pump stopped, so the reservoir fills past its sensor's range. Accepted only as the
    /// controller's own range check sees it (docs/icd.md §5: the reading above the 5000 mL the controller accepts) on a
    /// fresh sample: a channel the sensor board flags (open, shorted), a stale or missing sample, or a reading below
    /// the range is a fault as at any power-on.
    /// </summary>
    public static bool AcceptsChannel(Phase interrupted, SensorChannel channel, ChannelFaults faults, double value, PlausibleRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return interrupted == Phase.Draining
               && channel == SensorChannel.ReservoirVolume
               && faults == ChannelFaults.OutOfRange
               && value > range.Max;
    }
}
