namespace HipecSafe.Devices.Tests.Serial;

/// <summary>Finds command-line tools on PATH (socat, mbpoll) for the real-serial tests.</summary>
internal static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that is skipped, saying why, when a tool it needs is not installed (CI installs them: tests/run.sh).</summary>
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => ExternalTool.Find(t) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not installed: this real-serial test needs it (apt-get install {string.Join(' ', missing)}; tests/run.sh does this)";
        }
    }
}
