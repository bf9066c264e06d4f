namespace HipecSafe.Controller.HazardLogging;

/// <summary>The real file system: one unbuffered <see cref="FileStream"/> per log, fsync through <c>Flush(true)</c>.</summary>
public sealed class PhysicalHazardLogFileSystem : IHazardLogFileSystem
{
    public static PhysicalHazardLogFileSystem Instance { get; } = new();

    private PhysicalHazardLogFileSystem() { }

    public IHazardLogFile Open(string path) => new PhysicalHazardLogFile(path);
}
