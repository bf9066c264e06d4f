using System.Text.Json;
using HipecSafe.Core.Profile;

namespace HipecSafe.Cli.Tests.Simulate;

/// <summary>
/// One short but complete simulated procedure (the default profile with 30 min chemo, 1 min washout and draining),
/// run once for all tests of a class as <c>hipecsafe simulate --json --out DIR</c>: its exit code, stdout (the JSON
/// summary) and the record folder.
/// </summary>
public sealed class ShortProcedureRecord : IDisposable
{
    public ShortProcedureRecord()
    {
        Folder = Directory.CreateTempSubdirectory("hipecsafe-simulate-").FullName;
        ProfilePath = Path.Combine(Folder, "short-profile.yaml");
        File.WriteAllText(ProfilePath, ShortProfileText());
        RecordDirectory = Path.Combine(Folder, "record");
        Result = CliProcess.Run(Folder, "simulate", "--profile", ProfilePath, "--seed", "7", "--limit", "1h", "--json", "--out", RecordDirectory);
        try
        {
            Json = JsonDocument.Parse(Result.Stdout);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"simulate --json (exit {Result.ExitCode}) printed something other than one JSON object: {ex.Message}\nstdout:\n{Result.Stdout}\nstderr:\n{Result.Stderr}", ex);
        }
    }

    public string Folder { get; }

    public string ProfilePath { get; }

    public string RecordDirectory { get; }

    internal CliProcess.Result Result { get; }

    /// <summary>stdout parsed as JSON (the parse itself fails the fixture if stdout holds anything else).</summary>
    public JsonDocument Json { get; }

    /// <summary>The embedded default with chemo, washout and draining at their shortest allowed lengths.</summary>
    public static string ShortProfileText()
    {
        var text = ProfileLoader.EmbeddedDefaultText;
        foreach (var (from, to) in new[] { ("chemo: 90m", "chemo: 30m"), ("washout: 10m", "washout: 1m"), ("draining: 5m", "draining: 1m") })
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    public void Dispose()
    {
        Json.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
