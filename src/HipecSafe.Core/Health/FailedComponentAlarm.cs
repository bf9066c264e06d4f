using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Health;

/// <summary>
/// The alarm condition the watchdog's verdict stands for: while any component is failed (SRS-RT-006) the gate holds the
/// actuators safe and the device is in its safe state, so the condition is the high-priority, latching SAFE-STATE alarm
/// (SRS-RT-004) naming the failed components. It is handed to the alarm system straight from the watchdog, not through
/// the gate and the bus, because the failed component may be either of them (SRS-AL-016).
/// </summary>
public static class FailedComponentAlarm
{
    /// <summary>The same condition the control lane raises in SafeState: one alarm for one state, whichever lane saw it first.</summary>
    public const string ConditionId = "SAFE-STATE";

    /// <summary>The condition for the components failed now (ordinal order, as <see cref="HealthRound.Failed"/>); null when none is.</summary>
    public static AlarmCondition? Of(IReadOnlyList<string> failed, int missedRoundsForFailure)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentOutOfRangeException.ThrowIfLessThan(missedRoundsForFailure, 1);
        if (failed.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", failed);
        return new AlarmCondition(ConditionId, AlarmPriority.High, Hazards.LossOfControl,
            $"Safe state: controller component failed ({names}): heater off, pump stopped, clamp closed",
            $"{names}: no answer to {missedRoundsForFailure} consecutive health rounds",
            $"failed after {missedRoundsForFailure} missed rounds",
            Latching: true);
    }

    /// <summary>Whether two failed lists name the same components (both in ordinal order): the watchdog tells the alarms only of a change.</summary>
    public static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The conditions the alarm system is given: the cycle's set, plus the watchdog's condition unless the cycle already
    /// carries one with its ID (the control lane's SAFE-STATE, with every latched cause). The cycle's own list is returned
    /// as it is when there is nothing to add, so the usual cycle allocates nothing.
    /// </summary>
    public static IReadOnlyList<AlarmCondition> Merge(IReadOnlyList<AlarmCondition> cycle, AlarmCondition? watchdog)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (watchdog is null)
        {
            return cycle;
        }

        for (var i = 0; i < cycle.Count; i++)
        {
            if (string.Equals(cycle[i].ConditionId, watchdog.ConditionId, StringComparison.Ordinal))
            {
                return cycle;
            }
        }

        return [.. cycle, watchdog];
    }
}
