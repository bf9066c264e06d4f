namespace HipecSafe.Core.HazardLog;

/// <summary>
/// An interlock rule tripped or cleared: which rule, which hazard it guards, the protective response, and optionally
/// what was measured or why it cleared (e.g. "44.3 °C, limit 44.0 °C for 2 s", "operator reset").
/// </summary>
public sealed record InterlockEntry(InterlockChange Change, string RuleId, string HazardId, string Response, string? Detail = null) : HazardLogEntry
{
    public InterlockChange Change { get; } = EntryText.Defined(Change, nameof(Change));
    public string RuleId { get; } = EntryText.Required(RuleId, nameof(RuleId));
    public string HazardId { get; } = EntryText.Required(HazardId, nameof(HazardId));
    public string Response { get; } = EntryText.Required(Response, nameof(Response));

    public override HazardLogKind Kind => Change == InterlockChange.Tripped ? HazardLogKind.InterlockTripped : HazardLogKind.InterlockCleared;
}
