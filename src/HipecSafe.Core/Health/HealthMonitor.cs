namespace HipecSafe.Core.Health;

/// <summary>
/// F´ Svc/Health-style liveness monitor. Every cycle the watchdog starts a round with a fresh key and pings every
/// component; a component that has not answered the previous round's key has missed it. A miss holds back the
/// board heartbeat for that cycle (so a hung process trips the board's own watchdog); the fault threshold of
/// consecutive misses (3 by default, SRS-RT-006) fails the component, which latches until <see cref="Reset"/>.
/// Time is counted in rounds (cycles), never read from a clock.
/// </summary>
public sealed class HealthMonitor
{
    private readonly Dictionary<string, long> _lastAnswered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _missed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private long _key = -1;

    public HealthMonitor(IEnumerable<string> components, int missedRoundsForFailure = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(missedRoundsForFailure, 1);
        MissedRoundsForFailure = missedRoundsForFailure;
        foreach (var c in components)
        {
            _lastAnswered[c] = -1;
            _missed[c] = 0;
        }

        if (_lastAnswered.Count == 0)
        {
            throw new ArgumentException("a health monitor needs at least one component", nameof(components));
        }
    }

    public int MissedRoundsForFailure { get; }

    public IReadOnlyCollection<string> Components => _lastAnswered.Keys;

    /// <summary>The key of the round in progress; answers must carry it.</summary>
    public long CurrentKey => _key;

    /// <summary>Components that have not yet answered the round in progress.</summary>
    public IReadOnlyList<string> Outstanding => _lastAnswered.Where(kv => kv.Value != _key).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    public ComponentHealth HealthOf(string component) =>
        _failed.Contains(component) ? ComponentHealth.Failed : _missed[component] > 0 ? ComponentHealth.Late : ComponentHealth.Healthy;

    /// <summary>Closes the previous round (counting misses) and opens round <paramref name="key"/>.</summary>
    public HealthRound BeginRound(long key)
    {
        if (key <= _key)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"round keys must increase (last was {_key})");
        }

        var newlyFailed = new List<string>();
        if (_key >= 0)
        {
            foreach (var component in _lastAnswered.Keys)
            {
                if (_lastAnswered[component] == _key)
                {
                    _missed[component] = 0;
                    continue;
                }

                _missed[component]++;
                if (_missed[component] >= MissedRoundsForFailure && _failed.Add(component))
                {
                    newlyFailed.Add(component);
                }
            }
        }

        _key = key;
        var heartbeat = _failed.Count == 0 && _missed.Values.All(m => m == 0);
        return new HealthRound(key, heartbeat, new Dictionary<string, int>(_missed), newlyFailed.Order(StringComparer.Ordinal).ToList(),
            _failed.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Records an answer; an answer with an old key (a late pong) does not count. Returns whether it counted.</summary>
    public bool Answer(string component, long key)
    {
        if (!_lastAnswered.ContainsKey(component))
        {
            throw new ArgumentException($"'{component}' is not a monitored component", nameof(component));
        }

        if (key != _key)
        {
            return false;
        }

        _lastAnswered[component] = key;
        return true;
    }

    /// <summary>Clears latched failures, refused (with the reason) while a component is still not answering.</summary>
    public string? Reset()
    {
        var notAnswering = _missed.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        if (notAnswering.Count > 0)
        {
            return "still not answering: " + string.Join(", ", notAnswering);
        }

        _failed.Clear();
        return null;
    }
}
