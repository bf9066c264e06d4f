using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary><c>expect.safe_state</c>.</summary>
public enum SafeStateExpectation
{
    /// <summary>Not checked (the time to safe state is still measured and reported).</summary>
    Any,

    /// <summary>The safe state must be reached within <see cref="ScenarioExpectations.Within"/> of the fault onset.</summary>
    Required,

    /// <summary>The safe state must never be reached during the run (a false trip is a failure).</summary>
    Forbidden,
}

/// <summary><c>expect.limits</c>: physical truth never exceeded during the run (null = not checked).</summary>
public sealed record TemperatureLimits(double? AbdomenMaxC, double? InflowMaxC, double? CoreMaxC)
{
    public static TemperatureLimits None { get; } = new(null, null, null);
}

/// <summary>
/// A scenario's <c>expect:</c> block. <see cref="HazardLogged"/> and <see cref="Completes"/> are null when not
/// written (not checked); <c>completes: false</c> means completion is not required (it is reported, not judged).
/// </summary>
public sealed record ScenarioExpectations(
    SafeStateExpectation SafeState,
    Duration? Within,
    bool? HazardLogged,
    TemperatureLimits Limits,
    bool? Completes)
{
    public bool CompletionRequired => Completes == true;
}
