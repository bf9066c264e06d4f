using System.Globalization;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Hands records to the <see cref="HazardLogWriter"/> without making the caller wait for storage. With a writer
/// thread (real time) the caller only puts the record into a bounded in-memory queue; a dedicated thread appends it,
/// fsyncs high-priority records and replaces the head file. A slow or hung disk then shows as the log being
/// unavailable (<see cref="AvailabilityChanged"/> → LOG-UNAVAILABLE) — the queue full, or a record waiting longer than
/// <see cref="HazardLogPumpOptions.StallLimit"/> — and never as a caller that misses a health round. When the queue
/// is full the spill buffer's rule applies (the oldest record of the lowest priority present is dropped, never a
/// high-priority one; high-priority records are refused only when nothing else is left), and once the writer has
/// caught up it records the drops in a high-priority Fault. Inline (lockstep), each record is appended on the
/// caller's thread, so a simulation stays deterministic. Thread-safe; the lock is never held during I/O.
/// </summary>
public sealed class HazardLogPump : IDisposable
{
    private const string LogSource = "hazard log";

    private readonly HazardLogWriter _writer;
    private readonly HazardLogPumpOptions _options;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly SpillBuffer _queued;
    private readonly Thread? _thread;
    private List<Action<bool>> _flushes = [];
    private long? _queuedSince;  // when the oldest record still in the queue arrived
    private long? _writingSince; // when the oldest record of the batch being written arrived
    private string? _writerProblem;
    private string? _overflow;   // from the first drop until the writer has recorded the drops
    private string? _stall;
    private string? _refused;
    private bool _available = true;
    private bool _stopping;

    public HazardLogPump(HazardLogWriter writer, HazardLogPumpOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _writer = writer;
        _options = options;
        _clock = options.TimeProvider;
        _queued = new SpillBuffer(options.Capacity);
        _writer.HealthChanged += OnWriterHealth;
        if (options.WriterThread)
        {
            // Ordinary priority: the log is not on the decision path; it may fall behind, never hold anything up.
            _thread = new Thread(Run) { IsBackground = true, Name = "hipecsafe-hazard-log-writer" };
            _thread.Start();
        }
    }

    /// <summary>
    /// Raised when the log becomes unavailable or available again, inside the queue's lock so that changes arrive in
    /// order: a handler must only hand the news on (an actor Tell), never wait.
    /// </summary>
    public event EventHandler<LogAvailabilityChangedEventArgs>? AvailabilityChanged;

    public bool WriterThread => _thread is not null;

    /// <summary>Records waiting for the writer thread.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>
    /// Hands one record to the writer: on the writer thread it only queues it, so it returns at once whatever the
    /// disk does. Throws only for a misuse the writer would refuse (null or header entry, undefined priority).
    /// </summary>
    public void Enqueue(LogPriority priority, TimeSpan procedureTime, DateTimeOffset wallClockUtc, HazardLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Enum.IsDefined(priority))
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, "not a defined LogPriority");
        }

        if (entry is LogHeaderEntry)
        {
            throw new ArgumentException("the writer writes the log header itself", nameof(entry));
        }

        if (_thread is null)
        {
            _writer.Append(priority, procedureTime, wallClockUtc, entry);
            return;
        }

        lock (_gate)
        {
            _queuedSince ??= _clock.GetTimestamp();
            _queued.Add(new PendingEntry(priority, procedureTime, wallClockUtc, entry));
            if (_queued.Dropped > 0 || _queued.RefusedHighPriority > 0)
            {
                _overflow ??= string.Create(CultureInfo.InvariantCulture,
                    $"hazard log writer queue full ({_options.Capacity} records): storage is slower than records arrive; records are being dropped");
            }

            EvaluateLocked();
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Asks for everything handed over so far to be synced and anchored; <paramref name="done"/> gets
    /// <see cref="HazardLogWriter.Flush"/>'s answer, on the writer thread once it gets there (inline: at once).
    /// </summary>
    public void Flush(Action<bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (_thread is null)
        {
            done(_writer.Flush());
            return;
        }

        lock (_gate)
        {
            _flushes.Add(done);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Time has passed (a health round): the log becomes unavailable if a record has waited too long.</summary>
    public void CheckStall()
    {
        lock (_gate)
        {
            EvaluateLocked();
        }
    }

    /// <summary>Lets the writer thread write what is queued (for at most the drain timeout), then stops it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        // A hung disk keeps the thread (a background thread) in its fsync; what it still holds is then lost.
        _thread?.Join(_options.DrainTimeout);
        _writer.HealthChanged -= OnWriterHealth;
    }

    private void Run()
    {
        while (true)
        {
            List<PendingEntry> batch;
            List<Action<bool>> flushes;
            (long Info, long Low, long Medium, long RefusedHigh)? drops = null;
            lock (_gate)
            {
                while (_queued.Count == 0 && _flushes.Count == 0 && !_stopping && _queued.Dropped == 0 && _queued.RefusedHighPriority == 0)
                {
                    Monitor.Wait(_gate);
                }

                if (_queued.Count == 0 && _flushes.Count == 0 && _stopping && _queued.Dropped == 0 && _queued.RefusedHighPriority == 0)
                {
                    return;
                }

                batch = _queued.TakeAll();
                (flushes, _flushes) = (_flushes, []);
                if (_queued.Dropped > 0 || _queued.RefusedHighPriority > 0)
                {
                    drops = (_queued.DroppedOf(LogPriority.Info), _queued.DroppedOf(LogPriority.Low), _queued.DroppedOf(LogPriority.Medium), _queued.RefusedHighPriority);
                    _queued.ResetCounts();
                }

                _writingSince = _queuedSince;
                _queuedSince = null;
            }

            foreach (var item in batch)
            {
                Write(item);
            }

            if (drops is { } d)
            {
                // After the batch the drops were taken from, at its last time: where the gap in the log is.
                var at = batch.Count > 0 ? batch[^1] : default;
                Write(new PendingEntry(LogPriority.High, at.ProcedureTime, batch.Count > 0 ? at.WallClockUtc : _clock.GetUtcNow(), new FaultEntry(LogSource,
                    string.Create(CultureInfo.InvariantCulture,
                        $"the hazard log writer queue was full (storage slower than records arrived): dropped {d.Info + d.Low + d.Medium} lower-priority records " +
                        $"({d.Info} Info, {d.Low} Low, {d.Medium} Medium) and refused {d.RefusedHigh} high-priority records before this point"))));
            }

            var synced = flushes.Count == 0 || _writer.Flush();
            lock (_gate)
            {
                _writingSince = null;
                if (_queued.Dropped == 0 && _queued.RefusedHighPriority == 0)
                {
                    _overflow = null;
                }

                EvaluateLocked();
            }

            // Answered once the state above is settled, so whoever waited on the flush sees the log as it now is.
            foreach (var done in flushes)
            {
                done(synced);
            }
        }
    }

    private void Write(PendingEntry item)
    {
        try
        {
            _writer.Append(item.Priority, item.ProcedureTime, item.WallClockUtc, item.Entry);
        }
        catch (Exception refused) when (refused is ObjectDisposedException or InvalidOperationException or ArgumentException)
        {
            // Only a writer closed under a running controller gets here: the record is lost, and the log says so no more.
            lock (_gate)
            {
                _refused ??= $"the hazard log writer refused a record ({refused.GetType().Name}: {refused.Message})";
                EvaluateLocked();
            }
        }
    }

    private void OnWriterHealth(object? sender, HazardLogHealthChangedEventArgs e)
    {
        lock (_gate)
        {
            _writerProblem = e.Current is HazardLogHealth.Healthy ? null : e.Current.ToString();
            EvaluateLocked();
        }
    }

    private void EvaluateLocked()
    {
        var oldest = (_writingSince, _queuedSince) switch
        {
            ({ } writing, { } queued) => Math.Min(writing, queued),
            ({ } writing, null) => writing,
            (null, { } queued) => queued,
            _ => (long?)null,
        };
        var waited = oldest is { } since ? _clock.GetElapsedTime(since) : TimeSpan.Zero;
        _stall = oldest is not null && waited >= _options.StallLimit
            ? string.Create(CultureInfo.InvariantCulture,
                $"a hazard-log record has waited {waited.TotalSeconds:0.0} s for storage (limit {_options.StallLimit.TotalSeconds:0.0} s): the disk is slow or hung; {_queued.Count} records wait in memory")
            : null;
        var problem = _writerProblem ?? _overflow ?? _stall ?? _refused;
        var available = problem is null;
        if (available != _available)
        {
            _available = available;
            AvailabilityChanged?.Invoke(this, new LogAvailabilityChangedEventArgs(available, problem ?? "hazard log writing again"));
        }
    }
}
