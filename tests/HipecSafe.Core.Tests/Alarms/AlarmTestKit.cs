using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Tests.Alarms;

/// <summary>Builders shared by the alarm tests: conditions and times in seconds.</summary>
internal static class AlarmTestKit
{
    public static Duration T(double seconds) => Duration.FromSeconds(seconds);

    public static AlarmCondition High(string id = "ABD-TEMP-HIGH", bool latching = false) =>
        new(id, AlarmPriority.High, Hazards.AbdominalOverheating, "Abdominal temperature high", "43.62 °C (probe 2)", "limit 43.50 °C", latching);

    public static AlarmCondition Medium(string id = "FLOW-DEVIATION", bool latching = false) =>
        new(id, AlarmPriority.Medium, Hazards.InadequateFlow, "Flow off target", "1.62 L/min", "target 2.00 L/min ± 10 % for 10 s", latching);

    public static AlarmCondition Low(string id = "RESERVOIR-LOW", bool latching = false) =>
        new(id, AlarmPriority.Low, Hazards.ReservoirDepletion, "Reservoir low", "580 mL", "limit 600 mL", latching);

    public static AlarmCondition With(this AlarmCondition c, AlarmPriority priority) => c with { Priority = priority };

    public static AlarmView View(this AlarmSystem system, string id) =>
        system.Annunciation.Alarms.Single(a => a.ConditionId == id);

    public static bool Displays(this AlarmSystem system, string id) =>
        system.Annunciation.Alarms.Any(a => a.ConditionId == id);
}
