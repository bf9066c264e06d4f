namespace HipecSafe.Core.Interlocks;

/// <summary>Whether a rule is armed in this evaluation, and what it remembers for the next (null: nothing).</summary>
public readonly record struct RuleArming(bool Applies, RuleMemory? Memory);
