namespace HipecSafe.Core.HazardLog;

/// <summary>An interlock rule tripped or cleared: which rule, which hazard it guards, and the protective response.</summary>
public sealed record InterlockEntry(InterlockChange Change, string RuleId, string HazardId, string Response) : HazardLogEntry
{
    public InterlockChange Change { get; } = EntryText.Defined(Change, nameof(Change));
    public string RuleId { get; } = EntryText.Required(RuleId, nameof(RuleId));
    public string HazardId { get; } = EntryText.Required(HazardId, nameof(HazardId));
    public string Response { get; } = EntryText.Required(Response, nameof(Response));

    public override HazardLogKind Kind => Change == InterlockChange.Tripped ? HazardLogKind.InterlockTripped : HazardLogKind.InterlockCleared;
}
