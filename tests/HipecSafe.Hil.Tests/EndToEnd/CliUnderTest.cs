using System.Diagnostics;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// The built <c>hipecsafe</c> CLI, run as a child process the way a user runs it. This project does not reference
/// the CLI, so its build output is found beside this test assembly's: the same configuration under the artifacts
/// folder (<c>--artifacts-path</c>: bin/HipecSafe.Cli/&lt;config&gt;/) or in the repository (src/HipecSafe.Cli/bin/&lt;Config&gt;/net10.0/).
/// A missing build fails the test, naming where it looked.
/// </summary>
internal sealed class CliUnderTest : IDisposable
{
    private const string TestProject = "HipecSafe.Hil.Tests";
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly ChangeSignal _changed = new();

    private CliUnderTest(Process process)
    {
        _process = process;
    }

    private static readonly Lazy<string> LazyDll = new(() => Locate(Path.Combine("HipecSafe.Cli", "{config}", "hipecsafe.dll"), "src/HipecSafe.Cli"));
    private static readonly Lazy<string> LazyDeviceDll = new(() =>
        Locate(Path.Combine("HipecSafe.Device", "{config}", "linux-x64", "hipecsafe-device.dll"), "src/HipecSafe.Device"));

    public static string Dll => LazyDll.Value;

    /// <summary>The shipped device executable's build output (<c>hipecsafe-device</c>).</summary>
    public static string DeviceDll => LazyDeviceDll.Value;

    public string Stdout => Joined(_stdout);

    public string Stderr => Joined(_stderr);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>hipecsafe args…</c> with stdin closed, collecting its output.</summary>
    public static CliUnderTest Start(string workingDirectory, params string[] args) => StartDll(Dll, workingDirectory, args);

    /// <summary>Starts <c>hipecsafe-device args…</c> with stdin closed, collecting its output.</summary>
    public static CliUnderTest StartDevice(string workingDirectory, params string[] args) => StartDll(DeviceDll, workingDirectory, args);

    /// <summary>Starts <c>hipecsafe-device args…</c> with stdin open: the operator console, fed by <see cref="Type"/>.</summary>
    public static CliUnderTest StartDeviceWithConsole(string workingDirectory, params string[] args) =>
        StartDll(DeviceDll, workingDirectory, args, keepInput: true);

    /// <summary>Types one line on the operator console (stdin).</summary>
    public void Type(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Kills the process with SIGKILL (kill -9): nothing of it runs after this, no handler, no flush.</summary>
    public void KillHard()
    {
        using var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static CliUnderTest StartDll(string dll, string workingDirectory, string[] args, bool keepInput = false)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Exit raises an event (set before the start, so an early exit cannot be missed): waiters wake on it as on output.
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var cli = new CliUnderTest(process);
        process.OutputDataReceived += (_, e) => cli.Add(cli._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Add(cli._stderr, e.Data);
        process.Exited += (_, _) => cli._changed.Pulse();
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start dotnet");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!keepInput)
        {
            process.StandardInput.Close();
        }

        return cli;
    }

    /// <summary>Runs <c>hipecsafe args…</c> to its end (the guard only catches a hang).</summary>
    public static CliUnderTest Run(string workingDirectory, TimeSpan hangGuard, params string[] args)
    {
        var cli = Start(workingDirectory, args);
        cli.WaitForExit(hangGuard);
        return cli;
    }

    public void WaitForExit(TimeSpan hangGuard)
    {
        if (!_process.WaitForExit(hangGuard))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileNameWithoutExtension(_process.StartInfo.ArgumentList[0])} did not end within {hangGuard.TotalSeconds:0} s (hang guard); stdout: {Stdout}; stderr: {Stderr}");
        }

        _process.WaitForExit(); // drains the asynchronous output readers
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>, woken by each line (the guard only catches a hang).</summary>
    public void WaitForOutput(string text, TimeSpan hangGuard) =>
        _changed.Until(() => Stdout.Contains(text, StringComparison.Ordinal), hangGuard, () => $"'{text}' on stdout: {Stdout}; stderr: {Stderr}");

    /// <summary>Waits until standard output contains <paramref name="text"/> or the process has ended; true for the text.</summary>
    public bool WaitForOutputOrExit(string text, TimeSpan hangGuard)
    {
        _changed.Until(() => Stdout.Contains(text, StringComparison.Ordinal) || _process.HasExited, hangGuard,
            () => $"'{text}' on stdout or the end of the process: {Stdout}; stderr: {Stderr}");
        return Stdout.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Asks the process to stop as Ctrl+C would, but with SIGTERM (a background child ignores SIGINT).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Add(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }

            _changed.Pulse();
        }
    }

    private static string Joined(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }

    /// <summary>
    /// A build output beside this test assembly's: <paramref name="relative"/> (with {config} for the configuration part)
    /// under the artifacts folder, or under the repository's src/.
    /// </summary>
    private static string Locate(string relative, string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var candidates = new List<string>();
        for (var dir = here; dir?.Parent is not null; dir = dir.Parent)
        {
            if (dir.Name != TestProject)
            {
                continue;
            }

            var config = Path.GetRelativePath(dir.FullName, here.FullName); // "debug" (artifacts) or "bin/Debug/net10.0"
            var container = dir.Parent;
            var path = relative.Replace("{config}", config, StringComparison.Ordinal);
            candidates.Add(container.Name == "tests"
                ? Path.Combine(container.Parent!.FullName, "src", path)
                : Path.Combine(container.FullName, path));
        }

        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"{project} is not built beside the tests (looked at: {string.Join(", ", candidates)}); build it in the same configuration and artifacts folder first (tests/run.sh builds the whole solution)");
    }
}
