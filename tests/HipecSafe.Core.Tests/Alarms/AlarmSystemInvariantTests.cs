using HipecSafe.Core.Alarms;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Alarms.AlarmTestKit;

namespace HipecSafe.Core.Tests.Alarms;

/// <summary>
/// Seeded random sessions of conditions and operator commands, checking the invariants the hazard analysis relies on
/// after every step. The seeds are fixed so a failure replays exactly.
/// </summary>
public class AlarmSystemInvariantTests
{
    private static readonly AlarmCondition[] Pool =
    [
        High("H1"), High("H2"), Medium("M1"), Medium("M2", latching: true), Low("L1"), Low("L2"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [Verifies("SRS-AL-003", "SRS-AL-006", "SRS-AL-007", "SRS-AL-008")]
    public void Random_sessions_never_hide_a_high_alarm_and_never_pause_beyond_the_limit(int seed)
    {
        var random = new Random(seed);
        var system = new AlarmSystem();
        var pauseDuration = system.Options.AudioPauseDuration.Seconds;
        var now = 0.0;
        var highSeen = new HashSet<string>();
        var pausedAt = (double?)null;

        for (var step = 0; step < 2000; step++)
        {
            now += random.Next(1, 20) * 0.5;
            var present = Pool.Where(_ => random.NextDouble() < 0.2)
                .Select(c => c.Priority != AlarmPriority.High && random.NextDouble() < 0.1 ? c.With(AlarmPriority.High) : c)
                .ToList();
            var before = system.Annunciation;
            IReadOnlyList<AlarmEvent> events = random.Next(6) switch
            {
                0 => system.PauseAudio(T(now)).Events,
                1 => system.AcknowledgeAll(T(now)).Events,
                2 => system.Acknowledge(T(now), Pool[random.Next(Pool.Length)].ConditionId).Events,
                _ => system.Update(T(now), present),
            };
            var after = system.Annunciation;

            if (events.Any(e => e.Kind == AlarmEventKind.AudioPaused))
            {
                pausedAt = now;
            }

            if (after.Audio != AudioState.Paused)
            {
                pausedAt = null;
            }

            // A pause never outlives its duration.
            if (pausedAt is { } p)
            {
                Assert.True(now - p < pauseDuration, $"seed {seed} step {step}: paused since {p} s at {now} s");
            }

            // Every alarm that reached high leaves the display only after the operator acknowledged it (now, or
            // earlier while it had been lowered to medium/low).
            foreach (var view in before.Alarms.Where(v => v.Priority == AlarmPriority.High))
            {
                highSeen.Add(view.ConditionId);
            }

            foreach (var id in highSeen.ToList())
            {
                if (!after.Alarms.Any(v => v.ConditionId == id))
                {
                    var wasAcknowledged = before.Alarms.Single(v => v.ConditionId == id).State == AlarmState.ActiveAcknowledged;
                    Assert.Contains(events, e => e.ConditionId == id && e.Kind == AlarmEventKind.Cleared);
                    Assert.True(wasAcknowledged || events.Any(e => e.ConditionId == id && e.Kind == AlarmEventKind.Acknowledged),
                        $"seed {seed} step {step}: high alarm {id} left the display unacknowledged");
                    highSeen.Remove(id);
                }
            }

            // An active high alarm is never acknowledged, and it either sounds or is in a running pause.
            foreach (var view in after.Alarms.Where(v => v.Priority == AlarmPriority.High && v.State != AlarmState.LatchedCleared))
            {
                Assert.NotEqual(AlarmState.ActiveAcknowledged, view.State);
                Assert.NotEqual(AudioState.Silent, after.Audio);
            }

            // Each present condition is displayed.
            if (events.Any(e => e.Kind is AlarmEventKind.Raised))
            {
                Assert.All(present, c => Assert.Contains(after.Alarms, v => v.ConditionId == c.ConditionId));
            }
        }
    }
}
