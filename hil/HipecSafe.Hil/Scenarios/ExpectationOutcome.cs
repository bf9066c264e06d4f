namespace HipecSafe.Hil.Scenarios;

/// <summary>One checked expectation: its name (e.g. <c>safe_state</c>, <c>limits.abdomen_max_c</c>), what was expected, what was measured.</summary>
public sealed record ExpectationOutcome(string Name, bool Passed, string Expected, string Measured)
{
    public override string ToString() => $"{Name}: expected {Expected}; measured {Measured}{(Passed ? "" : " — FAILED")}";
}
