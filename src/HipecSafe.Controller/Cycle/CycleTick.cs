namespace HipecSafe.Controller.Cycle;

/// <summary>One controller cycle: its number, its procedure time and its wall-clock time.</summary>
/// <param name="Cycle">The cycle number.</param>
/// <param name="Time">
/// Procedure time: the cycle's scheduled time on the monotonic cycle clock (cycle × period in real time). Every timer
/// and decision uses it, and only it.
/// </param>
/// <param name="WallClock">UTC as the wall clock read when the cycle began; it stamps log records only, and may jump.</param>
public sealed record CycleTick(long Cycle, TimeSpan Time, DateTimeOffset WallClock);
