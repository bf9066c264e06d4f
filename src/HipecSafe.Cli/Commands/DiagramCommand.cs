using System.CommandLine;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Requirements;

namespace HipecSafe.Cli.Commands;

/// <summary><c>hipecsafe diagram --format mermaid|dot</c>: the phase machine with requirement IDs on the edges (SRS-TR-002).</summary>
internal static class DiagramCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "mermaid or dot", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("diagram", "Print the phase machine with requirement IDs on every edge") { format };
        command.SetAction(parse =>
        {
            Console.Out.Write(Render(parse.GetValue(format) ?? "mermaid"));
            return 0;
        });
        return command;
    }

    public static string Render(string format)
    {
        var machine = new PhaseMachine(TreatmentProfile.Default);
        var edges = PhaseMachineTrace.Edges(machine.GetInfo(), machine.RequirementFor);
        return format == "dot" ? PhaseDiagram.Dot(edges, PhaseMachine.Initial.Current) : PhaseDiagram.Mermaid(edges, PhaseMachine.Initial.Current);
    }
}
