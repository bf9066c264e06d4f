using System.CommandLine;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe log verify FILE [--head HEAD]</c>: checks a hazard log's hash chain and compares its end with its head
/// file (default FILE.head), reporting the first broken or torn record, records lost from the end, and whether the log
/// was sealed.
/// </summary>
internal static class LogCommand
{
    public const int Intact = 0;
    public const int Torn = 1;
    public const int Corrupt = 2;
    public const int Unreadable = 3;
    public const int AnchorMismatch = 4;
    public const int NoHead = 5;
    public const int NotSealed = 6;

    /// <summary>
    /// Exit codes: 0 intact, sealed and confirmed by its head; 1 torn final record (a crash while writing); 2 corrupt
    /// (altered or damaged); 3 unreadable; 4 anchor mismatch (fewer records than the head anchors, another hash at
    /// its last one, or another log's head: records lost from the end, or the log replaced); 5 the log has records but
    /// no usable head file; 6 not sealed (a crash, or the log is still being written).
    /// </summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "hazard log (JSON Lines with a SHA-256 chain)" };
        var headOption = new Option<string?>("--head") { Description = "the log's head file (default: FILE.head)" };
        var verify = new Command("verify",
            "Verify a hazard log against its head file: exit 0 intact and sealed, 1 torn final record, 2 corrupt, 3 unreadable, " +
            "4 anchor mismatch (records lost from the end, or the log replaced), 5 no head file, 6 not sealed (crash or still open)")
        {
            file,
            headOption,
        };
        verify.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var headPath = parse.GetValue(headOption) ?? HazardLogHead.PathFor(path);
            AnchoredVerification result;
            try
            {
                // The head first: the writer replaces it only after the records it anchors are on disk, so a log read
                // after its head can only be longer than the head says, even while the device is writing.
                var head = PhysicalHazardLogFileSystem.Instance.ReadHead(headPath);
                using var stream = File.OpenRead(path);
                result = HazardLogVerifier.VerifyAnchored(stream, head);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cannot read {path} or its head file {headPath}: {ex.Message}");
                return Unreadable;
            }

            Console.Out.WriteLine(result.Describe());
            return ExitCode(result.Verdict);
        });
        return new Command("log", "Hazard log tools") { verify };
    }

    public static int ExitCode(LogVerdict verdict) => verdict switch
    {
        LogVerdict.Intact => Intact,
        LogVerdict.TornTail => Torn,
        LogVerdict.Corrupt => Corrupt,
        LogVerdict.AnchorMismatch => AnchorMismatch,
        LogVerdict.HeadMissing => NoHead,
        LogVerdict.NotSealed => NotSealed,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "no exit code for this verdict"),
    };
}
