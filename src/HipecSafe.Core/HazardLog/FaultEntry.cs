namespace HipecSafe.Core.HazardLog;

/// <summary>A fault detected by the software (a board, a probe, a bus, the log itself).</summary>
public sealed record FaultEntry(string Source, string Description) : HazardLogEntry
{
    public string Source { get; } = EntryText.Required(Source, nameof(Source));
    public string Description { get; } = EntryText.Required(Description, nameof(Description));

    public override HazardLogKind Kind => HazardLogKind.Fault;
}
