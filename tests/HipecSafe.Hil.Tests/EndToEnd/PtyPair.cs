using System.Diagnostics;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// A null-modem cable in software: <c>socat -d -d pty,raw,echo=0,link=DIR/ctl pty,raw,echo=0,link=DIR/brd</c>.
/// The controller opens <see cref="ControllerEnd"/>, the boards <see cref="BoardsEnd"/>. Ready once both links
/// exist. Without socat the test fails and says how to install it (tests/run.sh does); it is never skipped.
/// </summary>
internal sealed class PtyPair : IDisposable
{
    private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(20);
    private readonly Process _socat;
    private readonly List<string> _log = [];
    private readonly ChangeSignal _changed = new();

    public PtyPair(string directory)
    {
        ControllerEnd = Path.Combine(directory, "ctl");
        BoardsEnd = Path.Combine(directory, "brd");
        var socat = Find("socat") ?? throw new InvalidOperationException(
            "socat is not installed, and the end-to-end serial tests need it for their pty pair: apt-get install socat (tests/run.sh installs it)");
        var start = new ProcessStartInfo(socat) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={ControllerEnd}", $"pty,raw,echo=0,link={BoardsEnd}" })
        {
            start.ArgumentList.Add(arg);
        }

        // socat -d -d logs each pty it opens and then "starting data transfer loop" once both ends (and their links)
        // are up; each line and socat's exit wake the wait below. Draining the log also keeps socat from blocking on
        // a full pipe, and it explains a failed start.
        _socat = new Process { StartInfo = start, EnableRaisingEvents = true };
        _socat.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_log)
                {
                    _log.Add(e.Data);
                }

                _changed.Pulse();
            }
        };
        _socat.Exited += (_, _) => _changed.Pulse();
        if (!_socat.Start())
        {
            throw new InvalidOperationException("socat did not start");
        }

        _socat.BeginErrorReadLine();
        try
        {
            _changed.Until(() => _socat.HasExited || (File.Exists(ControllerEnd) && File.Exists(BoardsEnd)), StartGuard,
                () => $"socat's pty links {ControllerEnd} and {BoardsEnd}; socat said: {Log}");
            if (_socat.HasExited)
            {
                throw new InvalidOperationException($"socat exited with {_socat.ExitCode} before its pty pair was up: {Log}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string ControllerEnd { get; }

    public string BoardsEnd { get; }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join(" | ", _log);
            }
        }
    }

    public void Dispose()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill(entireProcessTree: true);
            _socat.WaitForExit(5000);
        }

        _socat.Dispose();
        // A killed socat leaves its links behind.
        File.Delete(ControllerEnd);
        File.Delete(BoardsEnd);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
