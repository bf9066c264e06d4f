using HipecSafe.Controller.Clock;
using System.Globalization;
using BenchmarkDotNet.Running;
using HipecSafe.Bench;
using HipecSafe.Bench.Micro;

// Benchmarks and measurement programs. Each writes bench/results/<name>.md (see bench/README.md).
var command = args.Length > 0 ? args[0] : "help";
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
        ? v
        : i >= 0 ? throw new ArgumentException($"{name} needs a positive whole number, got '{(i + 1 < args.Length ? args[i + 1] : "nothing")}'") : fallback;
}

try
{
    switch (command)
    {
        case "procedure":
            ProcedureSpeed.Execute(Option("--runs", 4));
            break;
        case "control":
            ControlAccuracy.Execute(Option("--seeds", 5));
            break;
        case "memory":
            MemoryOverRun.Execute();
            break;
        case "latency":
            LatencyOverPty.Execute(Option("--seconds", 30));
            break;
        case "jitter":
            var nameAt = Array.IndexOf(args, "--name");
            CycleJitter.Execute(Option("--seconds", 30), withLoad: !args.Contains("--no-load"), name: nameAt >= 0 && nameAt + 1 < args.Length ? args[nameAt + 1] : "jitter");
            break;
        case "noise":
            NoiseOnTheLine.Execute(Option("--hours", 10), Option("--seed", 1));
            break;
        case "fsync":
            var dirAt = Array.IndexOf(args, "--dir");
            FsyncLatency.Execute(Option("--appends", 10_000), dirAt >= 0 && dirAt + 1 < args.Length ? args[dirAt + 1] : null);
            break;
        case "micro":
            // BenchmarkDotNet: arguments after "micro" go to it (default: every benchmark), e.g. micro --filter '*BusCycle*'.
            MicroBenchmarks.Execute(args.Length > 1 ? args[1..] : ["--filter", "*"]);
            break;
        case "all":
            ProcedureSpeed.Execute(4);
            ControlAccuracy.Execute(5);
            MemoryOverRun.Execute();
            CycleJitter.Execute(30);
            LatencyOverPty.Execute(30);
            break;
        default:
            Console.Out.WriteLine("""
                usage: dotnet run -c Release --project bench/HipecSafe.Bench -- COMMAND
                  procedure [--runs N]   full default procedure N times: wall, CPU, per-cycle breakdown    -> results/procedure-speed.md
                  control [--seeds N]    heat-up vs the physical bound, overshoot, inflow/flow error       -> results/control.md
                  memory                 GC heap and working set sampled over a full procedure            -> results/memory.md
                  latency [--seconds S]  sample-in → command-out over a socat pty, real-time controller   -> results/latency.md
                  jitter [--seconds S] [--no-load] [--name N]
                                         RealTimeCycleClock lateness p50/p99, as is and under CPU load    -> results/jitter.md (or N.md)
                  noise [--hours H] [--seed S]
                                         false trips/h and retry cost at 0.1-2 % corrupted frames, H h each -> results/noise.md
                  fsync [--appends N] [--dir D]
                                         hazard-log fsync, head replacement and append latency; enqueue cost -> results/fsync.md
                  micro [BDN args]       BenchmarkDotNet: the parts of one lockstep cycle                 -> results/micro.md
                  all                    procedure, control, memory, jitter, latency (not micro)
                """);
            return command == "help" ? 0 : 2;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

return 0;
