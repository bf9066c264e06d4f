using System.Collections.Concurrent;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Finds, loads and runs a set of scenarios in parallel. Each run is deterministic from its own seed and owns its
/// rig, so the parallelism changes only the wall time, never a result.
/// </summary>
public static class ScenarioCampaign
{
    /// <summary>Expands files and folders (their <c>*.yaml</c> / <c>*.yml</c>, not recursive) into a sorted, distinct file list.</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.yaml").Concat(Directory.EnumerateFiles(path, "*.yml")).ToList();
                if (found.Count == 0)
                {
                    problems.Add($"{path}: folder holds no *.yaml scenario");
                }

                files.UnionWith(found.Select(Path.GetFullPath));
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else
            {
                problems.Add($"{path}: no such file or folder");
            }
        }

        return [.. files];
    }

    /// <summary>Loads every file; problems name file, field and line. Two scenarios with one name are refused (their outputs would collide).</summary>
    public static IReadOnlyList<Scenario> LoadAll(IReadOnlyList<string> files, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        var scenarios = new List<Scenario>();
        foreach (var file in files)
        {
            var (scenario, errors) = ScenarioLoader.TryLoad(file);
            foreach (var error in errors)
            {
                problems.Add($"{file}: {error}");
            }

            if (scenario is not null)
            {
                scenarios.Add(scenario);
            }
        }

        foreach (var clash in scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"scenario name '{clash.Key}' is used by {string.Join(" and ", clash.Select(s => s.Source))}; names must be unique");
        }

        return scenarios;
    }

    /// <summary>
    /// Runs every scenario, at most <paramref name="parallel"/> at a time, longest first; each writes into
    /// <c>&lt;outputDirectory&gt;/&lt;name&gt;/</c>. <paramref name="onFinished"/> sees each finished run (on a worker
    /// thread) before its time series is dropped. Returns the entries in name order.
    /// </summary>
    public static IReadOnlyList<CampaignEntry> Run(IReadOnlyList<Scenario> scenarios, string outputDirectory, int parallel,
        ScenarioRunOptions? options = null, Action<ScenarioRun>? onFinished = null, Action<CampaignEntry>? onEntry = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var entries = new ConcurrentBag<CampaignEntry>();
        // Longest simulated runs first, so the last to finish is not a long one started late.
        var ordered = scenarios.OrderByDescending(EstimatedLength).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        Parallel.ForEach(
            Partitioner.Create(ordered, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            scenario =>
            {
                CampaignEntry entry;
                try
                {
                    var run = ScenarioRunner.Run(scenario, Path.Combine(outputDirectory, scenario.Name), options);
                    onFinished?.Invoke(run);
                    entry = new CampaignEntry(scenario, run.Result, null);
                }
#pragma warning disable CA1031 // one scenario's crash (a hung controller, a bug) must be reported as its failure, not end the campaign
                catch (Exception e)
#pragma warning restore CA1031
                {
                    entry = new CampaignEntry(scenario, null, $"{e.GetType().Name}: {e.Message}");
                }

                entries.Add(entry);
                onEntry?.Invoke(entry);
            });
        return [.. entries.OrderBy(e => e.Scenario.Name, StringComparer.Ordinal)];
    }

    /// <summary>Runs that must complete go to the end; the others usually stop soon after their fault.</summary>
    private static TimeSpan EstimatedLength(Scenario s) =>
        s.Expect.CompletionRequired || s.Expect.SafeState != SafeStateExpectation.Required ? s.Duration.ToTimeSpan() : s.Duration.ToTimeSpan() / 4;
}
