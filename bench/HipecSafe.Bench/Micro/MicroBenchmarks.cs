using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace HipecSafe.Bench.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes in this assembly in process (no second build of the project, which on a 2-core
/// machine costs minutes) and copies each GitHub-flavoured markdown table to bench/results/micro.md.
/// </summary>
internal static class MicroBenchmarks
{
    public static void Execute(string[] args)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "hipecsafe-bdn");
        var config = DefaultConfig.Instance
            // 5 warm-up and 20 measured iterations: enough for a stable mean on an idle machine, short enough for 2 cores.
            .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true)))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, config).ToList();
        var report = new BenchReport("micro", "Micro-benchmarks: the parts of one lockstep cycle (BenchmarkDotNet, in process)");
        report.Line("Each benchmark is one call; a lockstep cycle is 1 × PlantAndBoards + 1 × BusCycle + 1 × (SampleAndInterlocks − SensorSample) + 1 × ControlLaw + the actor chain.")
            .Line();
        foreach (var summary in summaries)
        {
            foreach (var file in Directory.EnumerateFiles(summary.ResultsDirectoryPath, "*-report-github.md"))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    report.Line(line);
                }
            }
        }

        report.Save("dotnet run -c Release --project bench/HipecSafe.Bench -- micro " + string.Join(' ', args.Select(a => a.Contains('*', StringComparison.Ordinal) ? $"'{a}'" : a)));
    }
}
