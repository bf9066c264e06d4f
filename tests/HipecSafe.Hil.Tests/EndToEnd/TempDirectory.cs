namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>A fresh directory per test (pty links, hazard log), removed with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("hipecsafe-e2e-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is going away: leave the temp folder to the OS.
        }
    }
}
