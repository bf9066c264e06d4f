using System.Globalization;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// Everything an evaluation says, as text: active, raised and cleared trips with every field and their measurement
/// and latest texts, the verdict on every channel, the inflow reading and the constraint. Two evaluations with equal
/// texts say the same thing; a mismatch shows where they differ.
/// </summary>
internal static class EvaluationText
{
    public static string Of(InterlockEvaluation evaluation) => string.Join("\n",
        Invariant($"at {evaluation.Now}"),
        "active: " + string.Join(" | ", evaluation.Active.Select(Of)),
        "raised: " + string.Join(" | ", evaluation.Raised.Select(Of)),
        "cleared: " + string.Join(" | ", evaluation.Cleared.Select(c => Invariant($"{Of(c.Trip)} at {c.ClearedAt} ({c.Cause})"))),
        "sensors: " + Of(evaluation.Sensors),
        Invariant($"inflow: {evaluation.Inflow.Temperature?.DegreesCelsius} {evaluation.Inflow.Channel} {evaluation.Inflow.Basis}"),
        "constrained: " + string.Join(", ", evaluation.Constrain(InterlockRig.Running).Reasons));

    public static string Of(ValidatedFrame sensors) =>
        Invariant($"at {sensors.At}, stale {sensors.IsStale} after {sensors.SinceCounterAdvanced}, frame {sensors.Frame}; ")
        + string.Join("; ", ChannelValue.All.Select(c => Invariant($"{c} {sensors.FaultsOf(c)} '{sensors.DetailOf(c)}'")));

    public static string Of(InterlockTrip trip) => Invariant(
        $"{trip.RuleId} {trip.Title} {trip.HazardId} {trip.RequirementId} {trip.Priority} {trip.Response} {trip.Clear} measured '{trip.Measured}' since {trip.ConditionSince} raised {trip.RaisedAt} {trip.Condition} latest '{trip.Latest}' {trip.Persistence}");

    public static string Of(ResetOutcome outcome) => Invariant($"{outcome.RuleId} {outcome.Succeeded} '{outcome.Reason}'");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
