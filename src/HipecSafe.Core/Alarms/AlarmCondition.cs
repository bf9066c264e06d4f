namespace HipecSafe.Core.Alarms;

/// <summary>
/// One alarm condition that is present now, as reported by any source: an interlock rule, a technical fault
/// (bus fault, hazard log unavailable), a self-test. The alarm system receives the full set of present conditions
/// every cycle; a condition missing from the set has cleared.
/// </summary>
/// <param name="ConditionId">Stable identifier of the condition (e.g. "ABD-TEMP-HIGH"); also the alarm's ID.</param>
/// <param name="Priority">IEC 60601-1-8 priority chosen by the source from harm × onset.</param>
/// <param name="HazardId">The hazard (Safety.Hazards) this condition guards against, or null for a technical
/// condition that maps to no hazard.</param>
/// <param name="Message">What the operator reads, e.g. "Abdominal temperature high".</param>
/// <param name="MeasuredText">The value that raised it, formatted, e.g. "43.62 °C (probe 2)".</param>
/// <param name="LimitText">The limit it crossed, e.g. "limit 43.50 °C for 1 s".</param>
/// <param name="Latching">Keep a medium/low alarm displayed after its condition clears until acknowledged.
/// High-priority alarms always latch, whatever this says.</param>
public sealed record AlarmCondition(
    string ConditionId,
    AlarmPriority Priority,
    string? HazardId,
    string Message,
    string MeasuredText,
    string LimitText,
    bool Latching = false)
{
    /// <summary>Every problem with this condition, each naming the field and the value; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var who = string.IsNullOrWhiteSpace(ConditionId) ? "alarm condition with an empty ConditionId" : $"alarm condition '{ConditionId}'";
        if (string.IsNullOrWhiteSpace(ConditionId))
        {
            problems.Add($"{who}: ConditionId must not be empty");
        }

        if (!Enum.IsDefined(Priority))
        {
            problems.Add($"{who}: Priority {(int)Priority} is not Low (1), Medium (2) or High (3)");
        }

        if (HazardId is not null && string.IsNullOrWhiteSpace(HazardId))
        {
            problems.Add($"{who}: HazardId is blank; use null for a technical condition without a hazard");
        }

        if (string.IsNullOrWhiteSpace(Message))
        {
            problems.Add($"{who}: Message must not be empty (the operator has to read what is wrong)");
        }

        if (MeasuredText is null)
        {
            problems.Add($"{who}: MeasuredText must not be null (use \"\" when nothing was measured)");
        }

        if (LimitText is null)
        {
            problems.Add($"{who}: LimitText must not be null (use \"\" when there is no limit)");
        }

        return problems;
    }
}
