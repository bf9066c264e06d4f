using System.CommandLine;
using HipecSafe.Cli.Commands;

var root = new RootCommand("HipecSafe — HIPEC perfusion controller, hardware-in-the-loop rig and verification tools");
root.Subcommands.Add(TraceCommand.Create());
root.Subcommands.Add(DiagramCommand.Create());
root.Subcommands.Add(ProfileCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(LogCommand.Create());
root.Subcommands.Add(CampaignCommand.Create());
root.Subcommands.Add(HilCommand.Create());
root.Subcommands.Add(RunCommand.Create());
return root.Parse(args).Invoke();
