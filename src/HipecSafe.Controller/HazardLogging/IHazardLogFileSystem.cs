namespace HipecSafe.Controller.HazardLogging;

/// <summary>Opens the file a hazard log lives in, creating it when it does not exist.</summary>
public interface IHazardLogFileSystem
{
    IHazardLogFile Open(string path);
}
