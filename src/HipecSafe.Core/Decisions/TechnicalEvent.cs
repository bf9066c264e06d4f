namespace HipecSafe.Core.Decisions;

/// <summary>Something that happened to the controller itself since the last cycle, for the control lane to act on.</summary>
public abstract record TechnicalEvent;

/// <summary>A controller component's actor crashed and was restarted (its message <paramref name="LostMessage"/> was lost).</summary>
public sealed record ComponentCrashed(string Component, string Exception, string? LostMessage) : TechnicalEvent;

/// <summary>The hazard log's storage became unavailable (records are buffered in memory) or recovered.</summary>
public sealed record LogStorageChanged(bool Healthy, string Description) : TechnicalEvent;
