namespace HipecSafe.Hil.Scenarios;

/// <summary>The verdict of one scenario run: every expectation with what it measured, and the measurements themselves.</summary>
public sealed record ScenarioResult(
    string Name,
    string Source,
    IReadOnlyList<ExpectationOutcome> Outcomes,
    ScenarioObservations Observed,
    string HazardLogPath,
    TimeSpan WallTime)
{
    public bool Passed => Outcomes.All(o => o.Passed);

    public IReadOnlyList<ExpectationOutcome> Failures => [.. Outcomes.Where(o => !o.Passed)];
}

/// <summary>A finished run: its result and its time series (one sample per controller cycle) for plotting.</summary>
public sealed record ScenarioRun(Scenario Scenario, ScenarioResult Result, IReadOnlyList<ScenarioSample> Series);
