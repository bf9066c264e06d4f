using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Alarms;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The alarm actor's state, kept outside the actor so a restart keeps it: the alarm system, the watchdog's condition
/// (it is sent once, when the failed components change, so a restart must not forget it), the last cycle's conditions
/// (the set an update from the watchdog is merged into) and the times it has reached.
/// </summary>
internal sealed class AlarmActorState(AlarmSystem alarms)
{
    public AlarmSystem Alarms { get; } = alarms;

    /// <summary>The watchdog's failed-component condition, null while none is failed.</summary>
    public AlarmCondition? Watchdog { get; set; }

    /// <summary>The conditions of the newest cycle handled.</summary>
    public IReadOnlyList<AlarmCondition> CycleConditions { get; set; } = [];

    /// <summary>The newest cycle whose update was handled: an older one is not.</summary>
    public CycleTick? LastCycle { get; set; }

    /// <summary>The newest time the alarm system was given, by a cycle or by the watchdog: its time only moves forward.</summary>
    public CycleTick? Now { get; set; }
}
