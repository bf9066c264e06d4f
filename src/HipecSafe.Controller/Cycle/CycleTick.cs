namespace HipecSafe.Controller.Cycle;

/// <summary>One controller cycle: its number, procedure time (monotonic) and the wall-clock time for the log.</summary>
public sealed record CycleTick(long Cycle, TimeSpan Time, DateTimeOffset WallClock);
