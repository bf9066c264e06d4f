namespace HipecSafe.Core.HazardLog;

/// <summary>The device entered or left the latched safe state, and why.</summary>
public sealed record SafeStateEntry(SafeStateChange Change, string Reason) : HazardLogEntry
{
    public SafeStateChange Change { get; } = EntryText.Defined(Change, nameof(Change));
    public string Reason { get; } = EntryText.Required(Reason, nameof(Reason));

    public override HazardLogKind Kind => Change == SafeStateChange.Entered ? HazardLogKind.SafeStateEntered : HazardLogKind.SafeStateLeft;
}
