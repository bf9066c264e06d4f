using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// SRS-RS-007 over the real serial path: the shipped <c>hipecsafe-device</c> against the emulated boards over a pty pair,
/// killed with a real <c>kill -9</c> in Priming (reached within seconds from a warm start), then started again on the
/// same configuration and log directory. scripts/restart-chemo.sh does the same in ChemoPerfusion, outside CI.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
public sealed class DeviceKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    [Verifies("SRS-RS-007", "SRS-RS-003", "SRS-RS-004", "SRS-DH-005")]
    public void A_device_killed_with_sigkill_in_priming_comes_back_holding_the_procedure_and_resumes_it_on_the_operators_word()
    {
        using var dir = new TempDirectory();
        var logs = Path.Combine(dir.Path, "logs");
        var config = dir.File("device.yaml");
        var pty = new PtyPair(Directory.CreateDirectory(dir.File("line-1")).FullName);
        var boards = StartBoards(dir, pty, config, logs);

        try
        {
            string firstLog;
            using (var first = CliUnderTest.StartDeviceWithConsole(dir.Path, "--config", config))
            {
                first.WaitForOutput("phase PowerOnSelfTest → Standby", Guard);
                first.Type("StartPriming");
                first.WaitForOutput("phase Standby → Priming", Guard);
                first.KillHard();
                first.WaitForExit(Guard);
                output.WriteLine(first.Stdout);
                Assert.Equal(137, first.ExitCode); // 128 + SIGKILL: no handler ran
                firstLog = Assert.Single(Directory.GetFiles(logs, "hazard-*.jsonl"));
            }

            // socat's pty does not take the 8E1 parity again once a killed process has left it (strace: TCSETS with
            // PARENB reads back without it), so the second run gets a new line, and the boards are powered up on it again.
            StopBoards(boards);
            pty.Dispose();
            pty = new PtyPair(Directory.CreateDirectory(dir.File("line-2")).FullName);
            boards = StartBoards(dir, pty, config, logs);

            using (var second = CliUnderTest.StartDeviceWithConsole(dir.Path, "--config", config))
            {
                second.WaitForOutput("phase PowerOnSelfTest → Interrupted", Guard);
                second.WaitForOutput("Procedure interrupted at Priming, chemo 00:00 of 90:00", Guard);
                second.Type("ResumeInterrupted");
                second.WaitForOutput("phase Interrupted → Priming", Guard);
                second.Terminate();
                second.WaitForExit(Guard);
                output.WriteLine(second.Stdout);
                Assert.Equal(0, second.ExitCode);
            }

            // The killed run's log: every record it wrote verifies, and its head vouches for it; only the seal is missing.
            var killed = Read(firstLog, out var killedVerdict);
            Assert.True(killedVerdict.Verdict == LogVerdict.NotSealed, killedVerdict.Describe());
            Assert.Contains(killed, r => r.Entry is ProcedureCheckpointEntry { Phase: Phase.Priming } && r.Priority == LogPriority.High);

            // The restarted run's log: the crash marker for the killed log, the procedure taken over, the hold, the resume.
            var secondLog = Assert.Single(Directory.GetFiles(logs, "hazard-*.jsonl"), f => f != firstLog);
            var records = Read(secondLog, out var verdict);
            Assert.True(verdict.Verdict == LogVerdict.Intact, verdict.Describe());
            var marker = Assert.IsType<LogNotSealedEntry>(records[1].Entry);
            Assert.Contains(Path.GetFileName(firstLog), marker.Detail, StringComparison.Ordinal);
            Assert.Equal(killed.Count, marker.FoundRecordCount);
            Assert.Contains(records, r => r.Entry is NoteEntry n && n.Text.Contains("Procedure interrupted at Priming, chemo 00:00 of 90:00", StringComparison.Ordinal));
            Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { From: Phase.PowerOnSelfTest, To: Phase.Interrupted, RequirementId: "SRS-RS-003" });
            Assert.Contains(records, r => r.Entry is AlarmEntry a && a.AlarmId == ProcedureStep.InterruptedAlarmId);
            Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { From: Phase.Interrupted, To: Phase.Priming, RequirementId: "SRS-RS-004" });
            Assert.DoesNotContain(records, r => r.Entry is PhaseTransitionEntry { To: Phase.Standby });
        }
        finally
        {
            StopBoards(boards);
            pty.Dispose();
        }
    }

    private static CliUnderTest StartBoards(TempDirectory dir, PtyPair pty, string config, string logs)
    {
        File.WriteAllText(config, $"""
            device_id: hipecsafe-e2e
            serial:
              port: {pty.ControllerEnd}
            profile: default
            log_directory: {logs}
            """);
        var boards = CliUnderTest.Start(dir.Path, "hil", "boards", "--port", pty.BoardsEnd, "--warm-start", "--seed", "5");
        Assert.True(boards.WaitForOutputOrExit("boards answering on", Guard), $"the boards did not start: {boards.Stdout} {boards.Stderr}");
        return boards;
    }

    private static void StopBoards(CliUnderTest boards)
    {
        boards.Terminate();
        boards.WaitForExit(Guard);
        boards.Dispose();
    }

    private static List<HazardLogRecord> Read(string log, out AnchoredVerification verdict)
    {
        var records = new List<HazardLogRecord>();
        using var stream = File.OpenRead(log);
        verdict = HazardLogVerifier.VerifyAnchored(stream, File.ReadAllBytes(HazardLogHead.PathFor(log)), records.Add);
        return records;
    }
}
