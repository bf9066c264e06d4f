namespace HipecSafe.Core.Interlocks;

/// <summary>The answer to an operator reset of one latched trip; <see cref="Reason"/> says why it was refused.</summary>
public sealed record ResetOutcome(string RuleId, bool Succeeded, string Reason)
{
    public static ResetOutcome Accepted(string ruleId) => new(ruleId, true, $"{ruleId} reset by the operator");

    public static ResetOutcome Refused(string ruleId, string reason) => new(ruleId, false, reason);
}
