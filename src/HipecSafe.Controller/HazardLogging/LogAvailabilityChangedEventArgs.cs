namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The hazard log became unavailable (storage failing, writer queue full, or a record waiting too long for the
/// disk) or available again; <see cref="Description"/> says why, for the LOG-UNAVAILABLE alarm.
/// </summary>
public sealed class LogAvailabilityChangedEventArgs(bool available, string description) : EventArgs
{
    public bool Available { get; } = available;

    public string Description { get; } = description;
}
