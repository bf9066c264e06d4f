using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Cli.Commands;

/// <summary><c>hipecsafe simulate</c>: a whole procedure in lockstep, in process, on the embedded default profile.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "'default' or a profile file", DefaultValueFactory = _ => "default" };
        var seed = new Option<int>("--seed") { Description = "seed of all randomness (sensor noise)", DefaultValueFactory = _ => 1 };
        var limit = new Option<string>("--limit") { Description = "simulated time limit, e.g. 3h", DefaultValueFactory = _ => "3h" };
        var command = new Command("simulate", "Run a full simulated procedure in lockstep (plant, boards over a virtual Modbus bus, real controller)")
        {
            profile, seed, limit,
        };
        command.SetAction(parse =>
        {
            var p = ProfileCommand.Load(parse.GetValue(profile)!);
            var logPath = Path.Combine(Path.GetTempPath(), $"hipecsafe-sim-{Environment.ProcessId}.log");
            var wall = Stopwatch.StartNew();
            Phase? lastPhase = null;
            RigCycle last;
            using (var rig = new SimulationRig(new RigOptions(p, parse.GetValue(seed), logPath)))
            {
                last = ProcedureRunner.Run(rig, Core.Quantities.DurationText.Parse(parse.GetValue(limit)!).ToTimeSpan(), c =>
                {
                    if (c.Report is { } r && r.Phase != lastPhase)
                    {
                        lastPhase = r.Phase;
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{c.Time:hh\\:mm\\:ss} {r.Phase,-15} abdomen max {c.Truth.AbdomenMax} inflow {c.Truth.InflowTemperature} core {c.Truth.CoreTemperature}"));
                    }
                });
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ended in {last.Report?.Phase} at {last.Time:hh\\:mm\\:ss} simulated, {wall.Elapsed.TotalSeconds:0.00} s wall; hazard log {logPath}"));
            return last.Report?.Phase == Phase.Complete ? 0 : 1;
        });
        return command;
    }
}
