using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// SRS-DH-003: the shipped executable, <c>hipecsafe-device</c>, run as the service runs it (a configuration file, no
/// operator console) against the emulated boards over a real pty pair, then stopped with SIGTERM as systemd stops it.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
public sealed class DeviceServiceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    [Verifies("SRS-DH-003", "SRS-DH-002", "SRS-PH-021")]
    public void Sigterm_writes_the_safe_command_stops_the_heartbeat_seals_the_log_and_exits_0()
    {
        using var dir = new TempDirectory();
        using var pty = new PtyPair(dir.Path);
        var logs = Path.Combine(dir.Path, "logs");
        var config = dir.File("device.yaml");
        File.WriteAllText(config, $"""
            device_id: hipecsafe-e2e
            serial:
              port: {pty.ControllerEnd}
            profile: default
            log_directory: {logs}
            """);
        using var boards = CliUnderTest.Start(dir.Path, "hil", "boards", "--port", pty.BoardsEnd, "--warm-start", "--seed", "9");
        Assert.True(boards.WaitForOutputOrExit("boards answering on", Guard), $"the boards did not start: {boards.Stdout} {boards.Stderr}");

        using (var device = CliUnderTest.StartDevice(dir.Path, "--config", config))
        {
            // The self-test releases the board's power-on hold and passes; the service then waits in Standby.
            device.WaitForOutput("phase PowerOnSelfTest → Standby", Guard);
            device.Terminate();
            device.WaitForExit(Guard);
            output.WriteLine(device.Stdout);
            output.WriteLine(device.Stderr);
            Assert.Equal(0, device.ExitCode);
            Assert.Contains("interrupted (Ctrl+C or SIGTERM)", device.Stdout, StringComparison.Ordinal);
            Assert.Contains("stopped: safe command written, heartbeat stopped, hazard log sealed", device.Stdout, StringComparison.Ordinal);
        }

        // The heartbeat no longer changes: the board's own watchdog latches it, holding the safe command.
        boards.WaitForOutput("actuator board SAFE-LATCHED by its watchdog", Guard);
        boards.Terminate();
        boards.WaitForExit(Guard);
        output.WriteLine(boards.Stdout);
        Assert.Contains("pump 0.0 rpm, clamp closed, SAFE-LATCHED by watchdog", boards.Stdout, StringComparison.Ordinal);

        // One log for the run, intact and confirmed by its head, ending with the seal: the record of the shutdown.
        var log = Assert.Single(Directory.GetFiles(logs, "hazard-*.jsonl"));
        var records = new List<HazardLogRecord>();
        var head = File.ReadAllBytes(HazardLogHead.PathFor(log));
        using (var stream = File.OpenRead(log))
        {
            var result = HazardLogVerifier.VerifyAnchored(stream, head, records.Add);
            Assert.True(result.Verdict == LogVerdict.Intact, result.Describe());
        }

        var last = records[^1];
        Assert.Equal(LogPriority.High, last.Priority);
        var seal = Assert.IsType<LogSealedEntry>(last.Entry);
        Assert.Equal("controller stopped (stop requested (SIGTERM or SIGINT)): safe command written, heartbeat stopped", seal.Reason);
        Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { To: Core.Phases.Phase.Standby });
    }
}
