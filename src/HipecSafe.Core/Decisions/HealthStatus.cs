using HipecSafe.Core.Collections;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The watchdog's round at the start of the cycle, as both decision units see it: whether every component answered
/// the previous round (the heartbeat may advance), which are late (missed at least one round) and which have failed
/// (missed 3 in a row; latched until an operator reset).
/// </summary>
public sealed record HealthStatus(bool RoundPassed, ValueList<string> Late, ValueList<string> Failed)
{
    public static HealthStatus AllAnswered { get; } = new(true, ValueList.Empty<string>(), ValueList.Empty<string>());

    public bool IsLate(string component) => Late.Contains(component, StringComparer.Ordinal);

    public bool HasFailed(string component) => Failed.Contains(component, StringComparer.Ordinal);
}
