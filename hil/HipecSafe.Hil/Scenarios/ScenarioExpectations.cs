using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
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
/// <c>expect.alarm</c>: an alarm with one of <see cref="Ids"/> (an ID ending in <c>*</c> is a prefix) and exactly
/// <see cref="Priority"/> (null: <c>any</c>, for an alarm whose priority no requirement fixes yet) must be raised no
/// later than <see cref="Within"/> after the fault onset.
/// </summary>
public sealed record AlarmExpectation(IReadOnlyList<string> Ids, AlarmPriority? Priority, Duration Within)
{
    public string Describe() =>
        $"{string.Join(" or ", Ids)} ({(Priority is { } p ? p.ToString().ToLowerInvariant() : "any priority")}) within {DurationText.Format(Within)} of the onset";

    /// <summary>Whether <paramref name="id"/> is one of <see cref="Ids"/> (a trailing <c>*</c> matches any rest).</summary>
    public bool Matches(string id) => Ids.Any(pattern => pattern.EndsWith('*')
        ? id.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : string.Equals(pattern, id, StringComparison.Ordinal));

    public bool Equals(AlarmExpectation? other) =>
        other is not null && Ids.SequenceEqual(other.Ids, StringComparer.Ordinal) && Priority == other.Priority && Within == other.Within;

    public override int GetHashCode() => HashCode.Combine(Ids.Count, Priority, Within);
}

/// <summary>
/// <c>expect.chemo_clock</c>: at most <see cref="MaxCountedWithoutFlow"/> of chemo time may be counted in cycles
/// through which no perfusate flowed (true inflow below <see cref="NoFlowLPerMin"/> at the cycle's start and end).
/// SRS-PH-022: a cycle counts as chemo time only while the pump turns; the dose is time at temperature with flow.
/// </summary>
public sealed record ChemoClockExpectation(Duration MaxCountedWithoutFlow)
{
    /// <summary>
    /// 0.1 L/min, a tenth of the lowest clinical rate (1 L/min): below it the drug is not being circulated.
    /// </summary>
    public const double NoFlowLPerMin = 0.1;

    public string Describe() => $"at most {DurationText.Format(MaxCountedWithoutFlow)} of chemo time counted in cycles without flow (true inflow < {NoFlowLPerMin.ToString(System.Globalization.CultureInfo.InvariantCulture)} L/min)";
}

/// <summary>
/// A scenario's <c>expect:</c> block. <see cref="HazardLogged"/> and <see cref="Completes"/> are null when not
/// written (not checked); <c>completes: false</c> means completion is not required (it is reported, not judged).
/// <see cref="NeverEnters"/> (<c>never_enters</c>), <see cref="Alarm"/> and <see cref="ChemoClock"/> are null when not
/// written.
/// </summary>
public sealed record ScenarioExpectations(
    SafeStateExpectation SafeState,
    Duration? Within,
    bool? HazardLogged,
    TemperatureLimits Limits,
    bool? Completes,
    IReadOnlyList<Phase>? NeverEnters = null,
    AlarmExpectation? Alarm = null,
    ChemoClockExpectation? ChemoClock = null)
{
    public bool Equals(ScenarioExpectations? other) =>
        other is not null && SafeState == other.SafeState && Within == other.Within && HazardLogged == other.HazardLogged
        && Limits == other.Limits && Completes == other.Completes && Alarm == other.Alarm && ChemoClock == other.ChemoClock
        && (NeverEnters ?? []).SequenceEqual(other.NeverEnters ?? []);

    public override int GetHashCode() => HashCode.Combine(SafeState, Within, HazardLogged, Limits, Completes, Alarm);

    public bool CompletionRequired => Completes == true;
}
