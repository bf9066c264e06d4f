namespace HipecSafe.Cli.Commands;

/// <summary>Finds the repository (the folder holding HipecSafe.sln) that the verification commands work on.</summary>
internal static class RepositoryRoot
{
    public static string Find(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            return File.Exists(Path.Combine(explicitRoot, "HipecSafe.sln"))
                ? Path.GetFullPath(explicitRoot)
                : throw new DirectoryNotFoundException($"--root {explicitRoot} does not contain HipecSafe.sln");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipecSafe.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no HipecSafe.sln in this folder or above it; run inside the repository or pass --root");
    }

    /// <summary>C# files under tests/, skipping build output.</summary>
    public static IEnumerable<string> TestSources(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
