using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// Everything <see cref="InterlockEngine"/> remembers between calls: the sensor validator's state, per rule its
/// persistence timer, last holding measurement, trip (with the latest verdict) and memory, the operator resets not
/// yet reported, and the time of the last evaluation. Immutable; the engine's calls return the next one. Start from <see cref="InterlockEngine.Initial"/>;
/// a state belongs to the engine (rule set) that made it.
/// </summary>
public sealed record InterlockEngineState
{
    internal InterlockEngineState(
        SensorValidatorState sensors,
        ImmutableArray<InterlockRuleState> rules,
        ImmutableArray<ClearedTrip> resetsSinceEvaluation,
        TimeSpan? lastNow)
    {
        Sensors = sensors;
        Rules = rules;
        ResetsSinceEvaluation = resetsSinceEvaluation;
        LastNow = lastNow;
    }

    public SensorValidatorState Sensors { get; }

    /// <summary>One entry per rule, in the engine's rule order.</summary>
    public ImmutableArray<InterlockRuleState> Rules { get; }

    /// <summary>Trips an operator reset since the last evaluation; the next evaluation reports them as cleared.</summary>
    public ImmutableArray<ClearedTrip> ResetsSinceEvaluation { get; }

    /// <summary>Procedure time of the last evaluation; null before the first.</summary>
    public TimeSpan? LastNow { get; }

    // Records compare arrays by reference; two states are equal when they hold equal entries.
    public bool Equals(InterlockEngineState? other) =>
        ReferenceEquals(this, other)
        || (other is not null
        && LastNow == other.LastNow
        && Sensors.Equals(other.Sensors)
        && Rules.AsSpan().SequenceEqual(other.Rules.AsSpan())
        && ResetsSinceEvaluation.AsSpan().SequenceEqual(other.ResetsSinceEvaluation.AsSpan()));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(LastNow);
        hash.Add(Sensors);
        foreach (var rule in Rules)
        {
            hash.Add(rule);
        }

        foreach (var reset in ResetsSinceEvaluation)
        {
            hash.Add(reset);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"LastNow = {LastNow}, Sensors = {Sensors}, ");
        builder.Append("Rules = [").AppendJoin(", ", Rules).Append("], ");
        builder.Append("ResetsSinceEvaluation = [").AppendJoin(", ", ResetsSinceEvaluation).Append(']');
        return true;
    }
}
