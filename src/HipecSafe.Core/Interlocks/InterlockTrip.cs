using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Interlocks;

/// <summary>An active (or just cleared) trip of one rule.</summary>
/// <param name="Measured">What was measured against which limit when the trip was raised.</param>
/// <param name="ConditionSince">When the condition was first seen holding (start of the persistence time).</param>
/// <param name="RaisedAt">When the trip was raised (= ConditionSince + persistence, at cycle resolution).</param>
/// <param name="Condition">The condition at the latest evaluation; for a latched trip, Clear means "reset allowed".</param>
/// <param name="Latest">The latest measurement, or why none could be made.</param>
/// <param name="Persistence">The rule's persistence (alarm condition delay to disclose, IEC 60601-1-8).</param>
public sealed record InterlockTrip(
    string RuleId,
    string Title,
    string HazardId,
    string RequirementId,
    AlarmPriority Priority,
    InterlockResponse Response,
    ClearCondition Clear,
    Measurement Measured,
    TimeSpan ConditionSince,
    TimeSpan RaisedAt,
    ConditionState Condition,
    string Latest,
    Duration Persistence)
{
    /// <summary>The board latch this trip reports (the rule's <see cref="InterlockRule.BoardLatch"/>), or none.</summary>
    public BoardStatus BoardLatch { get; init; }

    public bool IsLatched => Clear == ClearCondition.OperatorReset;

    /// <summary>A latched trip whose condition has cleared: an operator reset would now be accepted.</summary>
    public bool AwaitingReset => IsLatched && Condition == ConditionState.Clear;

    /// <summary>The alarm condition the alarm system shows for this trip; latched trips latch the alarm too.</summary>
    public AlarmCondition ToAlarmCondition() => new(
        RuleId,
        Priority,
        HazardId,
        Title,
        Measured.ValueText,
        Persistence > Duration.Zero ? $"limit {Measured.LimitText} for {Persistence}" : $"limit {Measured.LimitText}",
        Latching: IsLatched);

    public override string ToString() => $"{RuleId} ({HazardId}, {Priority}): {Measured}";
}
