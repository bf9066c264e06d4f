namespace HipecSafe.Core.HazardLog;

/// <summary>
/// An operator command and whether the controller accepted it. A refusal always carries its reason; an accepted
/// command never does.
/// </summary>
public sealed record OperatorCommandEntry : HazardLogEntry
{
    public OperatorCommandEntry(string command, bool accepted, string? refusalReason)
    {
        Command = EntryText.Required(command, nameof(Command));
        if (accepted && refusalReason is not null)
        {
            throw new ArgumentException("An accepted command has no refusal reason.", nameof(refusalReason));
        }

        RefusalReason = accepted ? null : EntryText.Required(refusalReason, nameof(RefusalReason));
        Accepted = accepted;
    }

    public static OperatorCommandEntry WasAccepted(string command) => new(command, true, null);

    public static OperatorCommandEntry WasRefused(string command, string reason) => new(command, false, reason);

    public string Command { get; }
    public bool Accepted { get; }
    public string? RefusalReason { get; }

    public override HazardLogKind Kind => HazardLogKind.OperatorCommand;
}
