namespace HipecSafe.Core.Requirements;

/// <summary>A test that says it verifies a requirement (from a <c>[Verifies("...")]</c> attribute).</summary>
public sealed record TestReference(string RequirementId, string TestName, string File, int Line);
