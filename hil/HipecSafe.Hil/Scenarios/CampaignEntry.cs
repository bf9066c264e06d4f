namespace HipecSafe.Hil.Scenarios;

/// <summary>One scenario of a campaign: its result, or the error that stopped its run (an error counts as a failure).</summary>
public sealed record CampaignEntry(Scenario Scenario, ScenarioResult? Result, string? Error)
{
    public bool Passed => Result is { Passed: true };

    /// <summary>The failed expectations (or the error), one per line, for JUnit and the console.</summary>
    public string FailureText => Error is not null
        ? $"run error: {Error}"
        : string.Join(Environment.NewLine, Result!.Failures.Select(f => f.ToString()));
}
