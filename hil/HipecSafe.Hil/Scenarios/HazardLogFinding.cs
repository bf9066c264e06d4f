using HipecSafe.Core.HazardLog;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// A hazard-log record that counts for <c>expect.hazard_logged</c>: an interlock trip, a detected fault or entry into
/// the safe state — the records that say the device noticed something wrong.
/// </summary>
public sealed record HazardLogFinding(TimeSpan Time, HazardLogKind Kind, string Text)
{
    /// <summary>The finding a record makes, or null for records that do not count (phases, alarms' later events, notes, operator commands, clears).</summary>
    public static HazardLogFinding? Of(HazardLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Entry switch
        {
            InterlockEntry { Change: InterlockChange.Tripped } i => new(record.ProcedureTime, record.Kind, $"{i.RuleId} ({i.HazardId}) tripped: {i.Response}"),
            FaultEntry f => new(record.ProcedureTime, record.Kind, $"fault from {f.Source}: {f.Description}"),
            SafeStateEntry { Change: SafeStateChange.Entered } s => new(record.ProcedureTime, record.Kind, $"safe state entered: {s.Reason}"),
            _ => null,
        };
    }

    /// <summary>A short label: the rule id of a trip, the source of a fault, or "SafeState".</summary>
    public string Label => Kind switch
    {
        HazardLogKind.InterlockTripped => Text[..Text.IndexOf(' ', StringComparison.Ordinal)],
        HazardLogKind.Fault => "fault:" + Text["fault from ".Length..Text.IndexOf(':', StringComparison.Ordinal)],
        _ => "SafeState",
    };

    public override string ToString() => $"{ScenarioTime.Clock(Time)} {Text}";
}
