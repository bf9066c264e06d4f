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
    // Per component, indexed by its position in ordinal name order (the order every list here is reported in), so a
    // round touches arrays only: the watchdog runs this every cycle.
    private readonly string[] _names;
    private readonly string[] _insertionOrder;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly long[] _lastAnswered;
    private readonly int[] _missed;
    private readonly bool[] _failed;
    private readonly IReadOnlyDictionary<string, int> _noneMissed;
    private int _failedCount;
    private int _missingCount;
    private IReadOnlyList<string>? _outstanding;

    // Outstanding lists by bit mask of the components in them: the watchdog publishes one after every answer, and
    // there are only 2^n different ones (n ≤ 16 here), so each is built once and shared (they are never modified).
    private readonly string[]?[]? _outstandingByMask;
    private long _key = -1;

    public HealthMonitor(IEnumerable<string> components, int missedRoundsForFailure = 3)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentOutOfRangeException.ThrowIfLessThan(missedRoundsForFailure, 1);
        MissedRoundsForFailure = missedRoundsForFailure;
        var distinct = new List<string>();
        foreach (var c in components)
        {
            if (!distinct.Contains(c, StringComparer.Ordinal))
            {
                distinct.Add(c);
            }
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException("a health monitor needs at least one component", nameof(components));
        }

        _insertionOrder = [.. distinct];
        _names = [.. distinct.Order(StringComparer.Ordinal)];
        for (var i = 0; i < _names.Length; i++)
        {
            _index[_names[i]] = i;
        }

        _lastAnswered = new long[_names.Length];
        Array.Fill(_lastAnswered, -1);
        _missed = new int[_names.Length];
        _failed = new bool[_names.Length];
        _noneMissed = _insertionOrder.ToDictionary(c => c, _ => 0, StringComparer.Ordinal).AsReadOnly();
        _outstandingByMask = _names.Length <= 16 ? new string[]?[1 << _names.Length] : null;
    }

    public int MissedRoundsForFailure { get; }

    public IReadOnlyCollection<string> Components => _insertionOrder;

    /// <summary>The key of the round in progress; answers must carry it.</summary>
    public long CurrentKey => _key;

    /// <summary>Components that have not yet answered the round in progress.</summary>
    public IReadOnlyList<string> Outstanding => _outstanding ??= OutstandingNow();

    public ComponentHealth HealthOf(string component) =>
        _failed[IndexOf(component)] ? ComponentHealth.Failed : _missed[IndexOf(component)] > 0 ? ComponentHealth.Late : ComponentHealth.Healthy;

    /// <summary>Closes the previous round (counting misses) and opens round <paramref name="key"/>.</summary>
    public HealthRound BeginRound(long key)
    {
        if (key <= _key)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"round keys must increase (last was {_key})");
        }

        List<string>? newlyFailed = null;
        if (_key >= 0)
        {
            _missingCount = 0;
            for (var i = 0; i < _names.Length; i++)
            {
                if (_lastAnswered[i] == _key)
                {
                    _missed[i] = 0;
                    continue;
                }

                _missed[i]++;
                _missingCount++;
                if (_missed[i] >= MissedRoundsForFailure && !_failed[i])
                {
                    _failed[i] = true;
                    _failedCount++;
                    (newlyFailed ??= []).Add(_names[i]);
                }
            }
        }

        _key = key;
        _outstanding = null;
        var heartbeat = _failedCount == 0 && _missingCount == 0;
        // The common round (everyone answered, nothing failed) shares its read-only collections instead of copying them.
        var missedRounds = _missingCount == 0 ? _noneMissed : _insertionOrder.ToDictionary(c => c, c => _missed[_index[c]], StringComparer.Ordinal);
        return new HealthRound(key, heartbeat, missedRounds, (IReadOnlyList<string>?)newlyFailed ?? [], _failedCount == 0 ? [] : Select(static (m, i) => m._failed[i]));
    }

    /// <summary>Records an answer; an answer with an old key (a late pong) does not count. Returns whether it counted.</summary>
    public bool Answer(string component, long key)
    {
        if (!_index.TryGetValue(component, out var i))
        {
            throw new ArgumentException($"'{component}' is not a monitored component", nameof(component));
        }

        if (key != _key)
        {
            return false;
        }

        if (_lastAnswered[i] != key)
        {
            _lastAnswered[i] = key;
            _outstanding = null;
        }

        return true;
    }

    /// <summary>Clears latched failures, refused (with the reason) while a component is still not answering.</summary>
    public string? Reset()
    {
        var notAnswering = Select(static (m, i) => m._missed[i] > 0);
        if (notAnswering.Length > 0)
        {
            return "still not answering: " + string.Join(", ", notAnswering);
        }

        Array.Clear(_failed);
        _failedCount = 0;
        return null;
    }

    private string[] OutstandingNow()
    {
        if (_outstandingByMask is not { } byMask)
        {
            return Select(static (m, i) => m._lastAnswered[i] != m._key);
        }

        var mask = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            mask |= _lastAnswered[i] != _key ? 1 << i : 0;
        }

        return byMask[mask] ??= Select(static (m, i) => m._lastAnswered[i] != m._key);
    }

    private int IndexOf(string component) =>
        _index.TryGetValue(component, out var i) ? i : throw new KeyNotFoundException($"'{component}' is not a monitored component");

    /// <summary>The components (in ordinal name order) for which <paramref name="pick"/> holds.</summary>
    private string[] Select(Func<HealthMonitor, int, bool> pick)
    {
        var count = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            count += pick(this, i) ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        var n = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            if (pick(this, i))
            {
                result[n++] = _names[i];
            }
        }

        return result;
    }
}
