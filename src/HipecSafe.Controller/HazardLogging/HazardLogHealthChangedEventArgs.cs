namespace HipecSafe.Controller.HazardLogging;

/// <summary>The log's health changed kind (Healthy, Degraded, Failed); counts inside a kind change without an event.</summary>
public sealed class HazardLogHealthChangedEventArgs(HazardLogHealth previous, HazardLogHealth current) : EventArgs
{
    public HazardLogHealth Previous { get; } = previous;
    public HazardLogHealth Current { get; } = current;
}
