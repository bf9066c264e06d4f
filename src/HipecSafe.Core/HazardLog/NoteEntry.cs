namespace HipecSafe.Core.HazardLog;

/// <summary>Free text for events that fit no other kind (the log must never refuse an event for want of a type).</summary>
public sealed record NoteEntry(string Text) : HazardLogEntry
{
    public string Text { get; } = EntryText.Required(Text, nameof(Text));

    public override HazardLogKind Kind => HazardLogKind.Note;
}
