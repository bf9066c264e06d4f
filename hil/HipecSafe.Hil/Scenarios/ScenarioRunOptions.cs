namespace HipecSafe.Hil.Scenarios;

/// <summary>How <see cref="ScenarioRunner"/> runs a scenario.</summary>
public sealed record ScenarioRunOptions
{
    /// <summary>
    /// When the procedure need not complete, the run ends once the device has been held safe this long: nothing more
    /// happens without an operator reset, and runs stay short.
    /// </summary>
    public TimeSpan SafeStateHold { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Keep the per-cycle time series (for plots); off saves memory in large campaigns without plots.</summary>
    public bool RecordSeries { get; init; } = true;
}
