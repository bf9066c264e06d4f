using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Logging;

/// <summary>How alarm events go into the hazard log: every field of the event, at the alarm's own priority.</summary>
internal static class AlarmLogMapping
{
    public static LogPriority PriorityOf(AlarmEvent e) => e.Priority switch
    {
        AlarmPriority.High => LogPriority.High,
        AlarmPriority.Medium => LogPriority.Medium,
        AlarmPriority.Low => LogPriority.Low,
        _ => LogPriority.Info,
    };

    public static AlarmEntry ToEntry(AlarmEvent e) =>
        new(e.Kind, e.ConditionId, e.Priority, e.HazardId, e.Message, e.MeasuredText, e.LimitText, e.AudioPaused, e.Detail);
}
