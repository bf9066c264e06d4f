using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Scenarios;

namespace HipecSafe.Hil.Oracle;

/// <summary>
/// <c>alarm:</c> of an oracle rule: one of <see cref="Ids"/> (a trailing <c>*</c> is a prefix) at <see cref="Priority"/>
/// (null: any) within <see cref="Bound"/> — the requirement's persistence — plus the ramp time a growing fault needs to
/// reach the threshold (<see cref="RampDistance"/> / |<see cref="RampParam"/>| minutes) plus the oracle's latency.
/// </summary>
public sealed record OracleAlarm(IReadOnlyList<string> Ids, AlarmPriority? Priority, TimeSpan Bound, string? RampParam, double RampDistance);

/// <summary>
/// One row of the detection oracle (hil/HipecSafe.Hil/Oracle/detection-oracle.yaml): the conditions a single fault must
/// meet (target, kind, phase, time after the phase entry, parameter ranges, length) and what must then hold, with the
/// requirements and hazards it is taken from.
/// </summary>
public sealed record OracleRule(
    string Id,
    OracleClass Class,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<Phase> Phases,
    (TimeSpan Min, TimeSpan Max)? After,
    IReadOnlyDictionary<string, ParamRange> Params,
    ForCondition For,
    OracleAlarm? Alarm,
    SafeStateExpectation SafeState,
    TimeSpan? SafeWithin,
    IReadOnlyList<Phase> NeverEnters,
    TemperatureLimits Limits,
    IReadOnlyList<string> Cites,
    IReadOnlyList<KeyValuePair<string, string>> Quotes,
    string Why)
{
    /// <summary>Whether every condition of the rule holds for <paramref name="fault"/>.</summary>
    public bool Matches(FaultCase fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Targets.Any(t => TargetMatches(t, fault.Target))
            && Kinds.Contains(fault.Kind, StringComparer.Ordinal)
            && Phases.Contains(fault.Phase)
            && (After is not { } after || (fault.After >= after.Min && fault.After <= after.Max))
            && Params.All(p => fault.Param(p.Key) is not { } v || p.Value.Contains(v))
            && Params.Where(p => p.Key != "relay_welded").All(p => fault.Param(p.Key) is not null)
            && For.Allows(fault.For);
    }

    /// <summary>The alarm's deadline for this fault: bound + ramp + latency (null without an alarm).</summary>
    public TimeSpan? AlarmWithin(FaultCase fault, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (Alarm is not { } alarm)
        {
            return null;
        }

        // The ramp rounded up to the millisecond, the resolution of a scenario duration: never tighter than the physics.
        var ramp = alarm.RampParam is { } p && fault.Param(p) is { } rate && rate != 0
            ? TimeSpan.FromMilliseconds(Math.Ceiling(alarm.RampDistance / Math.Abs(rate) * 60_000))
            : TimeSpan.Zero;
        return alarm.Bound + ramp + latency;
    }

    /// <summary><c>sensor/t_abdomen_*</c> matches every abdominal probe; anything else must be equal.</summary>
    private static bool TargetMatches(string pattern, string target) => pattern.EndsWith('*')
        ? target.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : string.Equals(pattern, target, StringComparison.Ordinal);
}

/// <summary>The rule's <c>for:</c>: open-ended faults only, bounded ones within a range, or either (absent).</summary>
public sealed record ForCondition(bool OpenOnly, TimeSpan? Min, TimeSpan? Max)
{
    public static ForCondition Either { get; } = new(false, null, null);

    public bool Allows(TimeSpan? length) =>
        OpenOnly ? length is null
        : Min is { } min && Max is { } max ? length is { } l && l >= min && l <= max
        : true;
}
