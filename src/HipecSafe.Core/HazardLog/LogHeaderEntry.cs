namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Record 0 of every log. The random <see cref="LogId"/> makes two logs from the same device distinguishable, so a
/// record cannot be spliced from one log into another without breaking the chain.
/// </summary>
public sealed record LogHeaderEntry(int FormatVersion, string DeviceId, string ProfileId, string LogId) : HazardLogEntry
{
    public int FormatVersion { get; } = FormatVersion > 0
        ? FormatVersion
        : throw new ArgumentOutOfRangeException(nameof(FormatVersion), FormatVersion, "FormatVersion must be positive.");

    public string DeviceId { get; } = EntryText.Required(DeviceId, nameof(DeviceId));
    public string ProfileId { get; } = EntryText.Required(ProfileId, nameof(ProfileId));
    public string LogId { get; } = EntryText.Required(LogId, nameof(LogId));

    public override HazardLogKind Kind => HazardLogKind.LogHeader;
}
