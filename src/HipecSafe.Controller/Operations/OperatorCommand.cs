namespace HipecSafe.Controller.Operations;

/// <summary>An operator command; the reply says whether it was carried out or why not. Both are logged.</summary>
public sealed record OperatorCommand(OperatorAction Action);

public sealed record OperatorReply(OperatorAction Action, bool Accepted, string? RefusalReason)
{
    public override string ToString() => Accepted ? $"{Action}: accepted" : $"{Action}: refused — {RefusalReason}";
}
