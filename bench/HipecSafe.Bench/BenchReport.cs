using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace HipecSafe.Bench;

/// <summary>
/// One results file, bench/results/NAME.md: the command that produced it, the machine (CPU, cores, OS, .NET, load
/// average when it started, commit), then the measurement's own text. Numbers in invariant culture.
/// </summary>
internal sealed class BenchReport
{
    private readonly StringBuilder _body = new();
    private readonly string _name;
    private readonly string _title;
    private readonly string _loadAtStart = LoadAverage();

    public BenchReport(string name, string title)
    {
        _name = name;
        _title = title;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>bench/results, or HIPECSAFE_BENCH_RESULTS (profiling runs write there so traced numbers never replace real ones).</summary>
    public static string ResultsDirectory =>
        Environment.GetEnvironmentVariable("HIPECSAFE_BENCH_RESULTS") is { Length: > 0 } other ? other : Path.Combine(RepositoryRoot, "bench", "results");

    public BenchReport Line(FormattableString text)
    {
        var line = text.ToString(CultureInfo.InvariantCulture);
        _body.AppendLine(line);
        Console.Out.WriteLine(line);
        return this;
    }

    public BenchReport Line(string text = "")
    {
        _body.AppendLine(text);
        Console.Out.WriteLine(text);
        return this;
    }

    public BenchReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row) + " |");
        }

        return Line();
    }

    /// <summary>Writes bench/results/NAME.md and returns its path.</summary>
    public string Save(string command)
    {
        Directory.CreateDirectory(ResultsDirectory);
        var path = Path.Combine(ResultsDirectory, _name + ".md");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# {_title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}; load average at start {_loadAtStart}, at end {LoadAverage()}")
            .AppendLine()
            .Append(_body)
            .ToString();
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        Console.Out.WriteLine($"wrote {Path.GetRelativePath(RepositoryRoot, path)}");
        return path;
    }

    public static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
            // Not Linux: the name stays unknown; the rest still describes the run.
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu}, {Environment.ProcessorCount} cores, {memory:0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"{(Debugger.IsAttached ? "DEBUGGER" : Optimized() ? "Release" : "Debug")} build, commit {Commit()}");
    }

    private static bool Optimized() =>
        typeof(BenchReport).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null)
            {
                return "unknown";
            }

            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return sha.Length > 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HipecSafe.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("no HipecSafe.sln in this folder or above it: run the benchmarks inside the repository");
    }

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
