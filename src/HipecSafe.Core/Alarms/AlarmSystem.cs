using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Alarms;

/// <summary>
/// The alarm system (IEC 60601-1-8): turns the set of present alarm conditions into displayed alarms, auditory and
/// visual signals, and log events. Pure and single-threaded: one owner calls it, time is passed in and must not go
/// backwards.
/// <list type="bullet">
/// <item>High-priority alarms always latch; medium/low latch only when their condition says so.</item>
/// <item>An active high-priority alarm cannot be acknowledged (its sound would stop for good while the danger
/// persists); the operator pauses its audio instead, which runs out.</item>
/// <item>Audio pause is time-limited and never blocks escalation: a new alarm above the highest paused priority, or any
/// new high-priority alarm, ends the pause at once (unlike a per-alarm snooze, which can swallow an escalation).</item>
/// </list>
/// </summary>
public sealed class AlarmSystem
{
    private static readonly Dictionary<string, AlarmCondition> NoConditions = new(StringComparer.Ordinal);

    // What is annunciated while no alarm is displayed (most cycles): shared rather than rebuilt every cycle.
    private static readonly Annunciation Quiet = new(null, AudioState.Silent, null, null, VisualSignal.For(null), []);

    private readonly AlarmSystemOptions _options;
    private readonly Dictionary<string, Entry> _alarms = new(StringComparer.Ordinal);
    private Duration? _lastNow;
    private Duration? _pausedUntil;
    private AlarmPriority? _pausedPriority;

    public AlarmSystem(AlarmSystemOptions? options = null)
    {
        _options = options ?? AlarmSystemOptions.Default;
        _options.Validate();
    }

    public AlarmSystemOptions Options => _options;

    /// <summary>
    /// Feeds the conditions present at <paramref name="now"/> (all of them; a missing one has cleared) and returns what
    /// happened. Throws <see cref="ArgumentException"/> listing every malformed or duplicated condition, leaving the
    /// state unchanged; treat that as a software fault.
    /// </summary>
    public IReadOnlyList<AlarmEvent> Update(Duration now, IEnumerable<AlarmCondition> activeConditions)
    {
        ArgumentNullException.ThrowIfNull(activeConditions);
        var present = ValidatedConditions(activeConditions);
        var leading = new List<AlarmEvent>();
        AdvanceClock(now, leading);

        var pending = new List<Pending>();
        var wakers = new List<Entry>();
        IEnumerable<AlarmCondition> ordered = present.Count == 0
            ? []
            : present.Values.OrderByDescending(c => c.Priority).ThenBy(c => c.ConditionId, StringComparer.Ordinal);
        foreach (var condition in ordered)
        {
            if (!_alarms.TryGetValue(condition.ConditionId, out var entry))
            {
                entry = new Entry(condition, now);
                _alarms.Add(condition.ConditionId, entry);
                pending.Add(new(AlarmEventKind.Raised, entry, "condition present"));
                wakers.Add(entry);
                continue;
            }

            var previous = entry.Priority;
            entry.Refresh(condition);
            if (entry.State == AlarmState.LatchedCleared)
            {
                entry.Reactivate();
                pending.Add(new(AlarmEventKind.Reactivated, entry, "condition returned before the latched alarm was acknowledged"));
                wakers.Add(entry);
            }
            else if (condition.Priority > previous)
            {
                entry.Escalate();
                pending.Add(new(AlarmEventKind.Escalated, entry, $"priority raised from {previous} to {condition.Priority}"));
                wakers.Add(entry);
            }
            else if (condition.Priority < previous)
            {
                pending.Add(new(AlarmEventKind.PriorityLowered, entry, $"priority lowered from {previous} to {condition.Priority}"));
            }
        }

        IReadOnlyList<Entry> gone = _alarms.Count == 0
            ? []
            : _alarms.Values.Where(e => e.State != AlarmState.LatchedCleared && !present.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var entry in gone)
        {
            if (entry.State == AlarmState.Active && entry.Latches)
            {
                entry.Latch(now);
                pending.Add(new(AlarmEventKind.Latched, entry, "condition cleared; latched until acknowledged"));
            }
            else
            {
                _alarms.Remove(entry.Id);
                pending.Add(new(AlarmEventKind.Cleared, entry, entry.State == AlarmState.ActiveAcknowledged
                    ? "condition cleared (had been acknowledged)"
                    : "condition cleared (non-latching)"));
            }
        }

        var audioEvents = new List<AlarmEvent>();
        CancelPauseOnEscalation(now, wakers, audioEvents);
        EndPauseIfNothingSounds(now, audioEvents);
        if (leading.Count == 0 && pending.Count == 0 && audioEvents.Count == 0)
        {
            return [];
        }

        return [.. leading, .. pending.Select(p => p.ToEvent(now, IsPaused)), .. audioEvents];
    }

    /// <summary>Acknowledges one alarm by its ID (the condition ID), or says why not.</summary>
    public AlarmCommandResult Acknowledge(Duration now, string alarmId)
    {
        var events = new List<AlarmEvent>();
        AdvanceClock(now, events);
        if (string.IsNullOrWhiteSpace(alarmId) || !_alarms.TryGetValue(alarmId, out var entry))
        {
            return AlarmCommandResult.Refused($"no alarm '{alarmId}' is displayed", events);
        }

        var refusal = AcknowledgeEntry(now, entry, events);
        EndPauseIfNothingSounds(now, events);
        return refusal is null ? AlarmCommandResult.Done(events) : AlarmCommandResult.Refused(refusal, events);
    }

    /// <summary>
    /// Acknowledges every alarm that may be acknowledged. Accepted when at least one was; active high-priority alarms
    /// are left as they are (the refusal reason says so when nothing could be acknowledged).
    /// </summary>
    public AlarmCommandResult AcknowledgeAll(Duration now)
    {
        var events = new List<AlarmEvent>();
        AdvanceClock(now, events);
        var reasons = new List<string>();
        var acknowledged = 0;
        foreach (var entry in _alarms.Values.OrderByDescending(e => e.Priority).ThenBy(e => e.Id, StringComparer.Ordinal).ToList())
        {
            var refusal = AcknowledgeEntry(now, entry, events);
            if (refusal is null)
            {
                acknowledged++;
            }
            else
            {
                reasons.Add(refusal);
            }
        }

        EndPauseIfNothingSounds(now, events);
        if (acknowledged > 0)
        {
            return AlarmCommandResult.Done(events);
        }

        return AlarmCommandResult.Refused(
            reasons.Count == 0 ? "no alarm is displayed" : "nothing to acknowledge: " + string.Join("; ", reasons), events);
    }

    /// <summary>
    /// Pauses the auditory signals for <see cref="AlarmSystemOptions.AudioPauseDuration"/> (pressing again restarts
    /// the pause). Refused when nothing sounds. Visual signals continue.
    /// </summary>
    public AlarmCommandResult PauseAudio(Duration now)
    {
        var events = new List<AlarmEvent>();
        AdvanceClock(now, events);
        var sounding = HighestSoundingPriority();
        if (sounding is null)
        {
            return AlarmCommandResult.Refused("no alarm signal is sounding; there is nothing to pause", events);
        }

        _pausedUntil = now + _options.AudioPauseDuration;
        _pausedPriority = sounding;
        events.Add(AudioEvent(now, AlarmEventKind.AudioPaused, null, sounding, "audio paused by operator",
            $"paused until {Seconds(_pausedUntil.Value)} (highest paused priority {sounding})"));
        return AlarmCommandResult.Done(events);
    }

    /// <summary>What is annunciated now (as of the last time passed in).</summary>
    public Annunciation Annunciation
    {
        get
        {
            if (_alarms.Count == 0)
            {
                return Quiet;
            }

            var views = _alarms.Values
                .OrderByDescending(e => e.Priority)
                .ThenByDescending(e => e.RaisedAt)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => e.ToView())
                .ToList();
            var highest = views.Count == 0 ? (AlarmPriority?)null : views.Max(v => v.Priority);
            var sounding = HighestSoundingPriority();
            var audio = sounding is null ? AudioState.Silent : IsPaused ? AudioState.Paused : AudioState.Sounding;
            return new Annunciation(
                highest,
                audio,
                audio == AudioState.Sounding ? sounding : null,
                audio == AudioState.Paused ? _pausedUntil : null,
                VisualSignal.For(highest),
                views);
        }
    }

    private bool IsPaused => _pausedUntil is not null;

    private AlarmPriority? HighestSoundingPriority()
    {
        AlarmPriority? highest = null;
        foreach (var entry in _alarms.Values)
        {
            if (entry.State != AlarmState.ActiveAcknowledged && (highest is null || entry.Priority > highest))
            {
                highest = entry.Priority;
            }
        }

        return highest;
    }

    private static Dictionary<string, AlarmCondition> ValidatedConditions(IEnumerable<AlarmCondition> conditions)
    {
        if (conditions is IReadOnlyCollection<AlarmCondition> { Count: 0 })
        {
            return NoConditions; // only ever read
        }

        var problems = new List<string>();
        var byId = new Dictionary<string, AlarmCondition>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            if (condition is null)
            {
                problems.Add("a null alarm condition was passed");
                continue;
            }

            var own = condition.Problems();
            problems.AddRange(own);
            if (own.Count == 0 && !byId.TryAdd(condition.ConditionId, condition))
            {
                problems.Add($"alarm condition '{condition.ConditionId}' appears more than once; condition IDs must be unique");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid alarm conditions: " + string.Join("; ", problems), nameof(conditions));
        }

        return byId;
    }

    /// <summary>Checks time is monotonic and ends an audio pause whose time is up.</summary>
    private void AdvanceClock(Duration now, List<AlarmEvent> events)
    {
        if (!double.IsFinite(now.Seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "alarm system time must be a finite number of seconds");
        }

        if (_lastNow is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now,
                $"alarm system time went backwards: {Seconds(now)} after {Seconds(last)}");
        }

        _lastNow = now;
        if (_pausedUntil is { } until && now >= until)
        {
            events.Add(AudioEvent(now, AlarmEventKind.AudioPauseEnded, null, _pausedPriority, "audio pause ended",
                $"pause of {Seconds(_options.AudioPauseDuration)} elapsed at {Seconds(until)}"));
            _pausedUntil = null;
            _pausedPriority = null;
        }
    }

    private string? AcknowledgeEntry(Duration now, Entry entry, List<AlarmEvent> events)
    {
        switch (entry.State)
        {
            case AlarmState.ActiveAcknowledged:
                return $"alarm '{entry.Id}' was already acknowledged at {Seconds(entry.AcknowledgedAt ?? now)}";
            case AlarmState.Active when entry.Priority == AlarmPriority.High:
                return $"high-priority alarm '{entry.Id}' cannot be acknowledged while its condition persists; pause the audio instead";
            case AlarmState.Active:
                entry.Acknowledge(now);
                events.Add(new Pending(AlarmEventKind.Acknowledged, entry, "acknowledged by operator; visual signal stays until the condition clears").ToEvent(now, IsPaused));
                return null;
            default:
                entry.Acknowledge(now);
                _alarms.Remove(entry.Id);
                events.Add(new Pending(AlarmEventKind.Acknowledged, entry, "latched alarm acknowledged by operator").ToEvent(now, IsPaused));
                events.Add(new Pending(AlarmEventKind.Cleared, entry, "latched alarm acknowledged; condition had cleared").ToEvent(now, IsPaused));
                return null;
        }
    }

    private void CancelPauseOnEscalation(Duration now, List<Entry> wakers, List<AlarmEvent> events)
    {
        if (!IsPaused)
        {
            return;
        }

        var waker = wakers
            .Where(e => e.Priority == AlarmPriority.High || e.Priority > _pausedPriority)
            .OrderByDescending(e => e.Priority)
            .FirstOrDefault();
        if (waker is null)
        {
            return;
        }

        var why = waker.Priority == AlarmPriority.High
            ? $"new high-priority alarm '{waker.Id}'"
            : $"new {waker.Priority} alarm '{waker.Id}' above the paused {_pausedPriority} priority";
        _pausedUntil = null;
        _pausedPriority = null;
        events.Add(AudioEvent(now, AlarmEventKind.AudioPauseCancelled, waker.Id, waker.Priority, "audio pause cancelled by escalation", why));
    }

    private void EndPauseIfNothingSounds(Duration now, List<AlarmEvent> events)
    {
        if (IsPaused && HighestSoundingPriority() is null)
        {
            events.Add(AudioEvent(now, AlarmEventKind.AudioPauseEnded, null, _pausedPriority, "audio pause ended",
                "no alarm left that calls for sound"));
            _pausedUntil = null;
            _pausedPriority = null;
        }
    }

    private static AlarmEvent AudioEvent(Duration now, AlarmEventKind kind, string? conditionId, AlarmPriority? priority, string message, string detail) =>
        new(now, kind, conditionId, priority, null, message, "", "", AudioPaused: kind == AlarmEventKind.AudioPaused, detail);

    private static string Seconds(Duration d) => d.Seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>An alarm event whose audio-paused flag is filled in once the whole update has been decided.</summary>
    private readonly record struct Pending(AlarmEventKind Kind, Entry Entry, string Detail)
    {
        public AlarmEvent ToEvent(Duration now, bool audioPaused) =>
            new(now, Kind, Entry.Id, Entry.Priority, Entry.Condition.HazardId, Entry.Condition.Message,
                Entry.Condition.MeasuredText, Entry.Condition.LimitText, audioPaused, Detail);
    }

    /// <summary>Mutable state of one displayed alarm; only <see cref="AlarmSystem"/> touches it.</summary>
    private sealed class Entry(AlarmCondition condition, Duration raisedAt)
    {
        public string Id { get; } = condition.ConditionId;
        public AlarmCondition Condition { get; private set; } = condition;
        public AlarmPriority Priority { get; private set; } = condition.Priority;
        public AlarmPriority PeakPriority { get; private set; } = condition.Priority;
        public AlarmState State { get; private set; } = AlarmState.Active;
        public Duration RaisedAt { get; private set; } = raisedAt;
        public Duration? AcknowledgedAt { get; private set; }
        public Duration? ConditionClearedAt { get; private set; }

        /// <summary>An alarm that was high at any moment of this occurrence latches, so a brief high excursion is seen.</summary>
        public bool Latches => PeakPriority == AlarmPriority.High || Condition.Latching;

        public void Refresh(AlarmCondition latest)
        {
            Condition = latest;
            Priority = latest.Priority;
            if (latest.Priority > PeakPriority)
            {
                PeakPriority = latest.Priority;
            }
        }

        public void Escalate()
        {
            State = AlarmState.Active;
            AcknowledgedAt = null;
        }

        public void Reactivate()
        {
            State = AlarmState.Active;
            AcknowledgedAt = null;
            ConditionClearedAt = null;
        }

        public void Latch(Duration now)
        {
            State = AlarmState.LatchedCleared;
            ConditionClearedAt = now;
            Priority = PeakPriority;
        }

        public void Acknowledge(Duration now)
        {
            AcknowledgedAt = now;
            if (State == AlarmState.Active)
            {
                State = AlarmState.ActiveAcknowledged;
            }
        }

        public AlarmView ToView() => new(Id, Priority, Condition.HazardId, Condition.Message, Condition.MeasuredText,
            Condition.LimitText, Latches, State, RaisedAt, AcknowledgedAt, ConditionClearedAt, VisualSignal.For(Priority));
    }
}
