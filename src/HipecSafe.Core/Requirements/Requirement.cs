namespace HipecSafe.Core.Requirements;

/// <summary>How a requirement is verified (IEC 62304 verification methods).</summary>
public enum VerificationMethod
{
    Test,
    Analysis,
    Inspection,
}

/// <summary>One software requirement from requirements/*.yaml.</summary>
public sealed record Requirement(
    string Id,
    string Text,
    string Rationale,
    string Source,
    VerificationMethod Verification,
    IReadOnlyList<string> Hazards,
    string? Evidence,
    string File);
