namespace HipecSafe.Core.Operations;

/// <summary>The device's answer to an operator command: carried out, or refused with the reason. Both are logged.</summary>
public sealed record OperatorReply(OperatorAction Action, bool Accepted, string? RefusalReason)
{
    public static OperatorReply Accept(OperatorAction action) => new(action, true, null);

    public static OperatorReply Refuse(OperatorAction action, string reason) => new(action, false, reason);

    public override string ToString() => Accepted ? $"{Action}: accepted" : $"{Action}: refused — {RefusalReason}";
}
