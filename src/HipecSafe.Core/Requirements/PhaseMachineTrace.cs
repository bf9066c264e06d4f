using HipecSafe.Core.Phases;
using Stateless.Reflection;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Enumerates every transition Stateless knows of (via <c>GetInfo()</c>, walking superstates) and pairs it with
/// the requirement the machine attached to it. Working from GetInfo — not from our own bookkeeping — is what lets
/// the check catch a transition configured without a requirement.
/// </summary>
public static class PhaseMachineTrace
{
    public sealed record Edge(Phase From, PhaseTrigger Trigger, IReadOnlyList<Phase> To, string? Guard, string? RequirementId, bool Internal);

    public static IReadOnlyList<Edge> Edges(StateMachineInfo info, Func<Phase, PhaseTrigger, string?> requirementFor)
    {
        var edges = new List<Edge>();
        foreach (var state in info.States)
        {
            var from = (Phase)state.UnderlyingState;
            for (var s = state; s is not null; s = s.Superstate)
            {
                foreach (var t in s.FixedTransitions)
                {
                    var trigger = (PhaseTrigger)t.Trigger.UnderlyingTrigger;
                    var to = (Phase)t.DestinationState.UnderlyingState;
                    // Stateless gives internal transitions a placeholder guard named after the lambda; they have no real guard.
                    var guard = GuardText(t.GuardConditionsMethodDescriptions);
                    edges.Add(new Edge(from, trigger, [to], guard, requirementFor(from, trigger), Internal: t.IsInternalTransition));
                }

                foreach (var t in s.DynamicTransitions)
                {
                    var trigger = (PhaseTrigger)t.Trigger.UnderlyingTrigger;
                    var targets = t.PossibleDestinationStates.Select(d => Enum.Parse<Phase>(d.DestinationState)).ToList();
                    edges.Add(new Edge(from, trigger, targets, GuardText(t.GuardConditionsMethodDescriptions), requirementFor(from, trigger), Internal: false));
                }
            }
        }

        return edges;
    }

    public static IEnumerable<TraceLink> Links(IReadOnlyList<Edge> edges) =>
        edges.Select(e => new TraceLink("transition", $"{e.From} --{e.Trigger}--> {string.Join("|", e.To)}", e.RequirementId));

    private static string? GuardText(IEnumerable<InvocationInfo> guards)
    {
        var text = string.Join(" and ", guards.Select(g => g.Description).Where(d => !string.IsNullOrEmpty(d)));
        return text.Length == 0 ? null : text;
    }
}
