using System.Diagnostics;

namespace HipecSafe.Devices.Tests.Serial;

/// <summary>
/// Two connected pseudo-terminals from socat (<c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>):
/// a null-modem cable in software. Ready once socat logs that its transfer loop started.
/// </summary>
internal sealed class SocatPtyPair : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _socat;

    public SocatPtyPair()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        PathA = $"/tmp/hipecsafe-{id}-a";
        PathB = $"/tmp/hipecsafe-{id}-b";
        var start = new ProcessStartInfo(ExternalTool.Find("socat") ?? throw new InvalidOperationException("socat not found"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={PathA}", $"pty,raw,echo=0,link={PathB}" })
        {
            start.ArgumentList.Add(arg);
        }

        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        var log = new List<string>();
        var ready = Task.Run(() =>
        {
            while (_socat.StandardError.ReadLine() is { } line)
            {
                log.Add(line);
                if (line.Contains("starting data transfer loop", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        });
        if (!ready.Wait(StartTimeout) || !ready.Result || !File.Exists(PathA) || !File.Exists(PathB))
        {
            Dispose();
            throw new InvalidOperationException($"socat did not set up the pty pair within {StartTimeout}: {string.Join(" | ", log)}");
        }

        // Keep draining socat's log so it never blocks on a full pipe.
        _ = Task.Run(() =>
        {
            while (_socat.StandardError.ReadLine() is not null)
            {
            }
        });
    }

    public string PathA { get; }

    public string PathB { get; }

    public void Dispose()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit(5000);
        }

        _socat.Dispose();
        // A killed socat leaves its links behind.
        File.Delete(PathA);
        File.Delete(PathB);
    }
}
