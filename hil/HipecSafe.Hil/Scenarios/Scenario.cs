using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary>How the operator's steps are taken; only the careful auto operator exists in the rig.</summary>
public enum ScenarioOperator
{
    /// <summary><c>operator: auto</c> — <see cref="Rig.AutoOperator"/>.</summary>
    Auto,
}

/// <summary>A validated fault-injection scenario (docs/scenario-format.md), ready to run.</summary>
/// <param name="Source">The file it was loaded from (or the name given to the text).</param>
/// <param name="ProfileReference"><c>default</c> or the profile path as written.</param>
/// <param name="OperatorScript"><c>operator_script:</c>, the scripted operator steps (empty when absent).</param>
public sealed record Scenario(
    string Name,
    string Source,
    string ProfileReference,
    TreatmentProfile Profile,
    int Seed,
    Duration Duration,
    ScenarioOperator Operator,
    IReadOnlyList<FaultSpec> Faults,
    ScenarioExpectations Expect,
    IReadOnlyList<OperatorStep>? OperatorScript = null)
{
    public IReadOnlyList<OperatorStep> Script => OperatorScript ?? [];
}
