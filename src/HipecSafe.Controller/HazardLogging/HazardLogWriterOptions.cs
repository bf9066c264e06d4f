using System.Security.Cryptography;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Where the log lives and how it syncs. <see cref="SyncInterval"/> bounds how long a lower-priority record may stay
/// written-but-not-synced; <see cref="SpillCapacity"/> bounds the memory used while storage fails.
/// </summary>
public sealed record HazardLogWriterOptions(string Path, string DeviceId, string ProfileId)
{
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int SpillCapacity { get; init; } = 10_000;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public IHazardLogFileSystem FileSystem { get; init; } = PhysicalHazardLogFileSystem.Instance;

    /// <summary>Makes the random id written into the header of a new log.</summary>
    public Func<string> NewLogId { get; init; } = () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path, nameof(Path));
        ArgumentException.ThrowIfNullOrWhiteSpace(DeviceId, nameof(DeviceId));
        ArgumentException.ThrowIfNullOrWhiteSpace(ProfileId, nameof(ProfileId));
        if (SyncInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SyncInterval), SyncInterval, "SyncInterval must be positive.");
        }

        if (SpillCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SpillCapacity), SpillCapacity, "SpillCapacity must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(FileSystem);
        ArgumentNullException.ThrowIfNull(NewLogId);
    }
}
