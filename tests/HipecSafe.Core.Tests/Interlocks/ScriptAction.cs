namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>What a script step does: evaluate a cycle, or an operator reset between cycles.</summary>
internal enum ScriptAction
{
    Evaluate,
    Reset,
    ResetAll,
}
