using System.CommandLine;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Cli.Commands;

/// <summary><c>hipecsafe log verify FILE</c>: checks a hazard log's hash chain and reports the first broken or torn record.</summary>
internal static class LogCommand
{
    /// <summary>Exit codes: 0 intact, 1 torn final record (a crash while writing), 2 corrupt (altered or damaged), 3 unreadable.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "hazard log (JSON Lines with a SHA-256 chain)" };
        var verify = new Command("verify", "Verify a hazard log: exit 0 intact, 1 torn final record, 2 corrupt, 3 unreadable") { file };
        verify.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            VerificationResult result;
            try
            {
                using var stream = File.OpenRead(path);
                result = HazardLogVerifier.Verify(stream);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"cannot read {path}: {ex.Message}");
                return 3;
            }
            catch (UnauthorizedAccessException ex)
            {
                Console.Error.WriteLine($"cannot read {path}: {ex.Message}");
                return 3;
            }

            Console.Out.WriteLine(result.Describe());
            return result.Status switch
            {
                VerificationStatus.Intact => 0,
                VerificationStatus.TornTail => 1,
                _ => 2,
            };
        });
        return new Command("log", "Hazard log tools") { verify };
    }
}
