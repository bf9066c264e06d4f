namespace HipecSafe.Cli.Tests;

/// <summary>Locations in the repository and of the built CLI, for tests that run the real command.</summary>
internal static class RepoPaths
{
    public static string Root => HipecSafe.TestSupport.RepositoryLayout.Root;

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "hipecsafe.dll");
}
