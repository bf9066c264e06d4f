using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Records held in memory while storage fails, in the order they were accepted, at most <c>capacity</c> of them.
/// When full, the oldest record of the lowest priority present (Info, then Low, then Medium) is dropped, possibly the
/// new one itself; a high-priority record is never dropped to make room: if only high-priority records are held, a
/// new high-priority record is refused. Both are counted so the log can say so when storage returns.
/// </summary>
internal sealed class SpillBuffer(int capacity)
{
    private readonly List<PendingEntry> _items = [];
    private readonly long[] _droppedByPriority = new long[4];

    public IReadOnlyList<PendingEntry> Items => _items;

    public int Count => _items.Count;

    public long Dropped => _droppedByPriority.Sum();

    public long DroppedOf(LogPriority priority) => _droppedByPriority[(int)priority];

    public long RefusedHighPriority { get; private set; }

    /// <summary>Adds <paramref name="entry"/>; false when it was the one dropped or refused.</summary>
    public bool Add(PendingEntry entry)
    {
        if (_items.Count < capacity)
        {
            _items.Add(entry);
            return true;
        }

        var victim = -1;
        var victimPriority = LogPriority.High;
        for (var i = 0; i < _items.Count; i++)
        {
            // Strictly lower, so the first (oldest) of the lowest class wins.
            if (_items[i].Priority < victimPriority)
            {
                victim = i;
                victimPriority = _items[i].Priority;
            }
        }

        if (entry.Priority < victimPriority)
        {
            _droppedByPriority[(int)entry.Priority]++;
            return false;
        }

        if (victim < 0)
        {
            RefusedHighPriority++;
            return false;
        }

        _droppedByPriority[(int)victimPriority]++;
        _items.RemoveAt(victim);
        _items.Add(entry);
        return true;
    }

    /// <summary>Hands over every record held, in order, and empties the buffer; the drop counts stay.</summary>
    public List<PendingEntry> TakeAll()
    {
        var taken = new List<PendingEntry>(_items);
        _items.Clear();
        return taken;
    }

    /// <summary>Forgets what was dropped and refused so far (once it has been recorded).</summary>
    public void ResetCounts()
    {
        Array.Clear(_droppedByPriority);
        RefusedHighPriority = 0;
    }

    public void Clear()
    {
        _items.Clear();
        Array.Clear(_droppedByPriority);
        RefusedHighPriority = 0;
    }
}
