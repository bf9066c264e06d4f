namespace HipecSafe.Core.Alarms;

/// <summary>Outcome of an operator command (acknowledge, pause audio): accepted with its events, or refused with why.</summary>
public sealed record AlarmCommandResult(bool Accepted, string? RefusalReason, IReadOnlyList<AlarmEvent> Events)
{
    public static AlarmCommandResult Done(IReadOnlyList<AlarmEvent> events) => new(true, null, events);

    /// <summary>Refused; <paramref name="events"/> holds anything time alone caused (e.g. a pause running out).</summary>
    public static AlarmCommandResult Refused(string reason, IReadOnlyList<AlarmEvent> events) => new(false, reason, events);
}
