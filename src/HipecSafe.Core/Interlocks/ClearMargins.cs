using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// Clear margins of the non-latched rules (hysteresis, hazard analysis OI-21). An active trip ends only once its value
/// is past the trip limit by the margin; a rule whose condition is a flag or a count ends only once the condition has
/// stayed clear for <see cref="FlagClearAfter"/>. Without them a value sitting at a limit raised and cleared its alarm
/// cycle after cycle: IL-CORE-WARNING gave six raise/clear pairs in about 3 s at 39.5 °C (core-hyperthermia.yaml).
/// Latched rules need none: an operator reset ends them.
/// </summary>
public static class ClearMargins
{
    /// <summary>
    /// A temperature against a limit: twice the measurement accuracy (clinical figure ±0.1 °C), so two readings of a
    /// temperature that sits at the limit cannot differ by the margin and noise alone cannot clear the alarm.
    /// </summary>
    public static readonly TemperatureDelta Temperature = TemperatureDelta.FromKelvins(0.2);

    /// <summary>
    /// The difference of two probes of the same fluid (inflow A/B): 0.1 K, so at the default 0.3 °C limit the alarm
    /// clears at 0.2 °C, the most two healthy probes of ±0.1 °C may differ; a wider margin would hold the alarm on
    /// healthy probes.
    /// </summary>
    public static readonly TemperatureDelta ProbeDifference = TemperatureDelta.FromKelvins(0.1);

    /// <summary>
    /// A flow ratio, in percentage points: 2, so the alarm clears only at 2 points inside its limit — well above the
    /// meter's reading-to-reading spread (±15 mL/min at 2 L/min, under 1 %), while the persistence of the flow rules
    /// (10 s) already rides out the roller pump's pulsation.
    /// </summary>
    public const double FlowPercent = 2.0;

    /// <summary>
    /// The reservoir level: 50 mL, over twice the level reading's error (≤ ±20 mL: offset and noise, hil/PLANT.md), so
    /// a level sloshing at the limit keeps one alarm; a refill adds far more.
    /// </summary>
    public static readonly Volume ReservoirLevel = Volume.FromMilliliters(50);

    /// <summary>
    /// A flag or a count (a channel's fault, the relay contact): 2 s clear before the alarm ends. An intermittent contact
    /// then shows as one alarm rather than a raise/clear pair per bounce; 2 s is ten times the 200 ms raise debounce and
    /// short against the minutes the team needs to act on a medium alarm.
    /// </summary>
    public static readonly Duration FlagClearAfter = Duration.FromSeconds(2);
}
