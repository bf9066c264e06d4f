using System.Text;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Requirements;

/// <summary>
/// Renders the phase machine with the requirement ID on every edge. Stateless' own MermaidGraph/UmlDotGraph
/// print only trigger names, so the edges are rendered here from the same GetInfo() enumeration.
/// </summary>
public static class PhaseDiagram
{
    public static string Mermaid(IReadOnlyList<PhaseMachineTrace.Edge> edges, Phase initial)
    {
        var sb = new StringBuilder();
        sb.AppendLine("stateDiagram-v2");
        sb.AppendLine($"    [*] --> {initial}");
        foreach (var (from, to, label) in Lines(edges))
        {
            sb.AppendLine($"    {from} --> {to} : {label.Replace(":", " -", StringComparison.Ordinal)}");
        }

        return sb.ToString();
    }

    public static string Dot(IReadOnlyList<PhaseMachineTrace.Edge> edges, Phase initial)
    {
        var sb = new StringBuilder();
        sb.AppendLine("digraph PhaseMachine {");
        sb.AppendLine("    rankdir=LR;");
        sb.AppendLine("    node [shape=box, style=rounded];");
        sb.AppendLine("    init [shape=point];");
        sb.AppendLine($"    init -> {initial};");
        foreach (var (from, to, label) in Lines(edges))
        {
            sb.AppendLine($"    {from} -> {to} [label=\"{label.Replace("\"", "'", StringComparison.Ordinal)}\"];");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static IEnumerable<(Phase From, Phase To, string Label)> Lines(IReadOnlyList<PhaseMachineTrace.Edge> edges)
    {
        foreach (var e in edges)
        {
            foreach (var to in e.To)
            {
                var guard = e.Guard is null ? "" : $" [{e.Guard}]";
                yield return (e.From, to, $"{e.Trigger}{guard} ({e.RequirementId ?? "NO REQUIREMENT"})");
            }
        }
    }
}
