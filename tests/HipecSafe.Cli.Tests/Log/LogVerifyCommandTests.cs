using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Cli.Tests.Log;

/// <summary>
/// <c>hipecsafe log verify</c> as a user runs it, on logs written by the real writer and then left alone, cut, torn,
/// altered or stripped of their head: one verdict and exit code each (documented in LogCommand and the log README).
/// </summary>
public sealed class LogVerifyCommandTests : IDisposable
{
    private static readonly DateTimeOffset Utc = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hipecsafe-log-verify-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string LogPath => Path.Combine(_dir.FullName, "hazard.jsonl");

    private string HeadPath => HazardLogHead.PathFor(LogPath);

    private void Write(bool seal)
    {
        using var writer = HazardLogWriter.Open(new HazardLogWriterOptions(LogPath, "HIPEC-CLI-TEST", "default"));
        writer.Append(LogPriority.High, TimeSpan.FromSeconds(1), Utc, new NoteEntry("alarm raised"));
        writer.Append(LogPriority.Low, TimeSpan.FromSeconds(2), Utc, new NoteEntry("pump speed changed"));
        if (seal)
        {
            writer.Seal("end of run");
        }
    }

    private CliProcess.Result Verify() => CliProcess.Run(_dir.FullName, "log", "verify", LogPath);

    private void KeepLines(int count)
    {
        var lines = File.ReadAllLines(LogPath);
        File.WriteAllText(LogPath, string.Concat(lines.Take(count).Select(l => l + "\n")));
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_sealed_log_confirmed_by_its_head_exits_0()
    {
        Write(seal: true);

        var verify = Verify();

        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.StartsWith("OK: 4 records verify from the start", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("It ends with its seal (\"end of run\"). The head file confirms all 4 records.", verify.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "the last 1 anchored records were removed or lost")] // the seal deleted
    [InlineData(0, "but only 0 verify: the last 4 anchored records were removed or lost")] // emptied
    [Verifies("SRS-LG-010")]
    public void A_log_that_lost_anchored_records_from_its_end_exits_4(int linesKept, string expected)
    {
        Write(seal: true);
        KeepLines(linesKept);

        var verify = Verify();

        Assert.True(verify.ExitCode == 4, verify.Stdout + verify.Stderr);
        Assert.StartsWith("TAIL LOST: the head file anchors 4 records", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_log_with_records_and_no_head_exits_5_and_a_head_elsewhere_can_be_named()
    {
        Write(seal: true);
        var elsewhere = Path.Combine(_dir.FullName, "copy-of-head");
        File.Move(HeadPath, elsewhere);

        var verify = Verify();
        var named = CliProcess.Run(_dir.FullName, "log", "verify", LogPath, "--head", elsewhere);

        Assert.True(verify.ExitCode == 5, verify.Stdout + verify.Stderr);
        Assert.StartsWith("NO HEAD: the head file is missing", verify.Stdout, StringComparison.Ordinal);
        Assert.True(named.ExitCode == 0, named.Stdout + named.Stderr);
    }

    [Fact]
    [Verifies("SRS-LG-010")]
    public void A_log_that_was_not_sealed_exits_6()
    {
        Write(seal: false);

        var verify = Verify();

        Assert.True(verify.ExitCode == 6, verify.Stdout + verify.Stderr);
        Assert.StartsWith("NOT SEALED (crash or still open): It does not end with a seal", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-003", "SRS-LG-010")]
    public void A_torn_final_record_exits_1_a_corrupt_log_2_and_an_unreadable_one_3()
    {
        Write(seal: false);
        File.AppendAllText(LogPath, "{\"seq\":4,\"proced");
        var torn = Verify();

        var text = File.ReadAllText(LogPath);
        File.WriteAllText(LogPath, text.Replace("alarm raised", "alarm Raised", StringComparison.Ordinal));
        var corrupt = Verify();

        var missing = CliProcess.Run(_dir.FullName, "log", "verify", Path.Combine(_dir.FullName, "no-such.jsonl"));

        Assert.True(torn.ExitCode == 1, torn.Stdout + torn.Stderr);
        Assert.StartsWith("TORN: ", torn.Stdout, StringComparison.Ordinal);
        Assert.True(corrupt.ExitCode == 2, corrupt.Stdout + corrupt.Stderr);
        Assert.StartsWith("CORRUPT (BrokenChain): line 2", corrupt.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, missing.ExitCode);
    }
}
