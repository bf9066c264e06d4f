using System.Reflection;

namespace HipecSafe.TestSupport;

/// <summary>Where the repository is, for tests that read requirements, scenarios or sources from it.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = typeof(RepositoryLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("RepositoryRoot metadata missing");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
