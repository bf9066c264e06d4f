using System.Globalization;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Appends records to the hazard log file. Durability by priority: a <see cref="LogPriority.High"/> record is
/// fsynced before <see cref="Append"/> returns; others are written to the OS at once and fsynced within
/// <see cref="HazardLogWriterOptions.SyncInterval"/>, at the next high-priority record, or at <see cref="Dispose"/>.
/// Storage errors never reach the caller: the writer holds records in a bounded spill buffer, reports
/// <see cref="Health"/>, retries on every append (and every sync tick) and writes the buffer in order when storage
/// returns. Thread-safe. See src/HipecSafe.Core/HazardLog/README.md.
/// </summary>
public sealed class HazardLogWriter : IDisposable
{
    private const string LogSource = "hazard log";
    private const int OversizePreviewChars = 4096;

    private readonly Lock _gate = new();
    private readonly IHazardLogFile _file;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _syncInterval;
    private readonly ITimer _syncTimer;
    private readonly SpillBuffer _spill;

    // Records written to the file since the last successful fsync, kept so they can be written again if it fails
    // (after a failed fsync the kernel may have dropped them while reporting later fsyncs as fine).
    private readonly List<PendingEntry> _unsynced = [];

    private HazardLogChain _chain;        // after the last record written to the file
    private HazardLogChain _durableChain; // after the last record known to be on stable storage
    private long _end;
    private long _durableEnd;
    private long _lastSyncTimestamp;
    private TimeSpan _lastProcedureTime;
    private string? _outage; // why storage fails; null while it works
    private HazardLogHealth _announced = new HazardLogHealth.Healthy();
    private bool _disposed;

    private HazardLogWriter(HazardLogWriterOptions options, IHazardLogFile file, VerificationResult existing)
    {
        _file = file;
        _clock = options.TimeProvider;
        _syncInterval = options.SyncInterval;
        _spill = new SpillBuffer(options.SpillCapacity);
        Path = options.Path;
        OpenedLog = existing;

        var chain = existing.RecordCount == 0 ? HazardLogChain.Genesis : HazardLogChain.ContinueAfter(existing);
        var now = _clock.GetUtcNow();
        var repair = new MemoryStream();
        if (existing.RecordCount == 0)
        {
            var header = new LogHeaderEntry(HazardLogFormat.Version, options.DeviceId, options.ProfileId, options.NewLogId());
            chain = Write(chain.Seal(LogPriority.Info, TimeSpan.Zero, now, header));
            Header = header;
        }
        else
        {
            Header = existing.Header!;
        }

        DiscardedTornBytes = file.Length - existing.VerifiedLength;
        if (DiscardedTornBytes > 0)
        {
            var problem = existing.Problem!;
            var fault = new FaultEntry(LogSource, string.Create(
                CultureInfo.InvariantCulture,
                $"discarded {DiscardedTornBytes} bytes of an incomplete final record at byte offset {problem.ByteOffset} (line {problem.LineNumber}), " +
                $"left by a crash or power loss during a write; it had never been acknowledged as durable"));
            chain = Write(chain.Seal(LogPriority.High, chain.LastProcedureTime, now, fault));
        }

        if (repair.Length > 0)
        {
            // The repair is written over the torn bytes and only then is the file cut to length, so the record of
            // the discard is on disk before the torn bytes are gone; a crash in between leaves a torn tail again.
            file.WriteAt(existing.VerifiedLength, repair.ToArray());
            var newLength = existing.VerifiedLength + repair.Length;
            if (file.Length != newLength)
            {
                file.SetLength(newLength);
            }

            file.FlushToDisk();
        }

        _chain = _durableChain = chain;
        _end = _durableEnd = existing.VerifiedLength + repair.Length;
        _lastProcedureTime = chain.LastProcedureTime;
        _lastSyncTimestamp = _clock.GetTimestamp();
        _syncTimer = _clock.CreateTimer(_ => OnSyncTimer(), null, _syncInterval, _syncInterval);

        HazardLogChain Write(SealedRecord sealedRecord)
        {
            repair.Write(sealedRecord.Line.Span);
            return sealedRecord.Next;
        }
    }

    /// <summary>
    /// Opens the log at <see cref="HazardLogWriterOptions.Path"/>, creating it with a header if it is empty or missing.
    /// An existing log is verified first: the chain continues after its last good record; a torn tail is discarded
    /// after a Fault record saying how many bytes; a corrupt log throws <see cref="HazardLogCorruptException"/> and is
    /// left untouched. I/O errors while opening throw (a procedure must not start without a log).
    /// </summary>
    public static HazardLogWriter Open(HazardLogWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var file = options.FileSystem.Open(options.Path);
        try
        {
            VerificationResult existing;
            using (var reader = file.OpenRead())
            {
                existing = HazardLogVerifier.Verify(reader);
            }

            if (existing.Status == VerificationStatus.Corrupt)
            {
                throw new HazardLogCorruptException(options.Path, existing);
            }

            return new HazardLogWriter(options, file, existing);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Raised (outside the writer's lock, on the appending or timer thread) when health changes kind.</summary>
    public event EventHandler<HazardLogHealthChangedEventArgs>? HealthChanged;

    public string Path { get; }

    /// <summary>The header of this log (written now for a new log, read back for an existing one).</summary>
    public LogHeaderEntry Header { get; }

    /// <summary>What verifying the existing file found when it was opened.</summary>
    public VerificationResult OpenedLog { get; }

    /// <summary>Bytes of a torn final record discarded at open (0 when the log was intact).</summary>
    public long DiscardedTornBytes { get; }

    public HazardLogHealth Health
    {
        get
        {
            lock (_gate)
            {
                return HealthLocked();
            }
        }
    }

    /// <summary>Procedure time of the last accepted record: a resumed procedure continues its clock from here.</summary>
    public TimeSpan LastProcedureTime
    {
        get
        {
            lock (_gate)
            {
                return _lastProcedureTime;
            }
        }
    }

    /// <summary>
    /// Records one event. Never throws for storage problems (see <see cref="Health"/>); throws only for a misuse:
    /// a null or header entry, an undefined priority, or a call after Dispose. Procedure time earlier than the last
    /// record's is logged at the last record's time, after a Fault saying so; an entry over the record size limit is
    /// logged as a Fault that keeps its start.
    /// </summary>
    public LogAppendResult Append(LogPriority priority, TimeSpan procedureTime, DateTimeOffset wallClockUtc, HazardLogEntry entry)
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

        LogAppendResult result;
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (procedureTime < _lastProcedureTime)
            {
                AcceptLocked(new PendingEntry(LogPriority.Medium, _lastProcedureTime, wallClockUtc, new FaultEntry(LogSource, string.Create(
                    CultureInfo.InvariantCulture,
                    $"procedure time {procedureTime:c} given for a {entry.Kind} record is earlier than the last logged {_lastProcedureTime:c}; " +
                    $"that record is logged at {_lastProcedureTime:c}"))));
                procedureTime = _lastProcedureTime;
            }

            result = AcceptLocked(new PendingEntry(priority, procedureTime, wallClockUtc, entry));
            change = TakeHealthChangeLocked();
        }

        Announce(change);
        return result;
    }

    /// <summary>
    /// Syncs what is written, or retries storage when it is failing. True when every accepted record is now durable.
    /// </summary>
    public bool Flush()
    {
        bool durable;
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            durable = FlushLocked();
            change = TakeHealthChangeLocked();
        }

        Announce(change);
        return durable;
    }

    /// <summary>
    /// Makes a last attempt to sync (or to write the spill buffer) and closes the file. Records still in the spill
    /// buffer after that attempt are lost; <see cref="Health"/> still tells how many.
    /// </summary>
    public void Dispose()
    {
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _syncTimer.Dispose();
            FlushLocked();
            try
            {
                _file.Dispose();
            }
            catch (Exception closing) when (StorageFailure.Is(closing))
            {
                _outage ??= StorageFailure.Describe(closing);
            }

            change = TakeHealthChangeLocked();
        }

        Announce(change);
    }

    /// <summary>
    /// Seals <paramref name="item"/> onto <paramref name="chain"/>. An entry too large for one record is logged as a
    /// Fault saying so, with the start of the entry, rather than thrown back at the caller (a crash report with a huge
    /// exception text must not crash the logging actor, nor stop the spill buffer from draining).
    /// </summary>
    private static SealedRecord SealOrReplace(HazardLogChain chain, PendingEntry item)
    {
        try
        {
            return chain.Seal(item.Priority, item.ProcedureTime, item.WallClockUtc, item.Entry);
        }
        catch (HazardLogRecordTooLargeException tooLarge)
        {
            var text = item.Entry.ToString();
            var start = text.Length <= OversizePreviewChars ? text : text[..OversizePreviewChars] + "…";
            var replacement = new FaultEntry(LogSource, string.Create(
                CultureInfo.InvariantCulture,
                $"a {tooLarge.Kind} record of {tooLarge.LineBytes} bytes exceeded the {HazardLogFormat.MaxLineBytes}-byte record limit; " +
                $"it is replaced by this record, which keeps its start: {start}"));
            return chain.Seal(item.Priority, item.ProcedureTime, item.WallClockUtc, replacement);
        }
    }

    private LogAppendResult AcceptLocked(PendingEntry item)
    {
        if (_outage is not null)
        {
            _lastProcedureTime = item.ProcedureTime;
            var kept = _spill.Add(item);
            var recovered = TryRecoverLocked(out var lastSequence);
            return !kept ? new LogAppendResult(LogAppendOutcome.Lost, null)
                : recovered ? new LogAppendResult(LogAppendOutcome.Durable, lastSequence)
                : new LogAppendResult(LogAppendOutcome.Buffered, null);
        }

        var sealedRecord = SealOrReplace(_chain, item);
        _lastProcedureTime = item.ProcedureTime;
        try
        {
            _file.WriteAt(_end, sealedRecord.Line.Span);
        }
        catch (Exception failure) when (StorageFailure.Is(failure))
        {
            EnterOutageLocked(failure, item);
            return new LogAppendResult(LogAppendOutcome.Buffered, null);
        }

        _end += sealedRecord.Line.Length;
        _chain = sealedRecord.Next;
        _unsynced.Add(item);
        if (item.Priority == LogPriority.High || _clock.GetElapsedTime(_lastSyncTimestamp) >= _syncInterval)
        {
            if (!TrySyncLocked())
            {
                return new LogAppendResult(LogAppendOutcome.Buffered, null);
            }

            return new LogAppendResult(LogAppendOutcome.Durable, sealedRecord.Record.Sequence);
        }

        return new LogAppendResult(LogAppendOutcome.Written, sealedRecord.Record.Sequence);
    }

    private bool FlushLocked()
    {
        if (_outage is not null)
        {
            return TryRecoverLocked(out _);
        }

        return _unsynced.Count == 0 || TrySyncLocked();
    }

    private bool TrySyncLocked()
    {
        try
        {
            _file.FlushToDisk();
        }
        catch (Exception failure) when (StorageFailure.Is(failure))
        {
            EnterOutageLocked(failure, failing: null);
            return false;
        }

        _durableEnd = _end;
        _durableChain = _chain;
        _unsynced.Clear();
        _lastSyncTimestamp = _clock.GetTimestamp();
        return true;
    }

    /// <summary>
    /// Storage failed: everything after the last fsync goes back to memory, in order, followed by a Fault saying so;
    /// the chain rolls back to the last durable record.
    /// </summary>
    private void EnterOutageLocked(Exception failure, PendingEntry? failing)
    {
        _outage = StorageFailure.Describe(failure);
        var firstHeld = _durableChain.NextSequence;
        foreach (var item in _unsynced)
        {
            _spill.Add(item);
        }

        if (failing is { } notWritten)
        {
            _spill.Add(notWritten);
        }

        _spill.Add(new PendingEntry(LogPriority.High, _lastProcedureTime, _clock.GetUtcNow(), new FaultEntry(LogSource, string.Create(
            CultureInfo.InvariantCulture,
            $"hazard log storage failed ({_outage}); records from sequence {firstHeld} on were held in memory until storage recovered"))));
        _unsynced.Clear();
        _chain = _durableChain;
        _end = _durableEnd;
    }

    /// <summary>
    /// Writes the spill buffer after the last durable record, then a Fault saying how many records were held and
    /// dropped, then fsyncs. All or nothing: on failure the file is cut back on the next try and the buffer stays.
    /// </summary>
    private bool TryRecoverLocked(out long? lastHeldSequence)
    {
        lastHeldSequence = null;
        var chain = _durableChain;
        var bytes = new MemoryStream();
        foreach (var item in _spill.Items)
        {
            var held = SealOrReplace(chain, item);
            bytes.Write(held.Line.Span);
            chain = held.Next;
            lastHeldSequence = held.Record.Sequence;
        }

        var recovered = chain.Seal(LogPriority.High, _lastProcedureTime, _clock.GetUtcNow(), new FaultEntry(LogSource, RecoveryText()));
        bytes.Write(recovered.Line.Span);
        try
        {
            // A failed write may have left part of a record behind.
            if (_file.Length != _durableEnd)
            {
                _file.SetLength(_durableEnd);
            }

            _file.WriteAt(_durableEnd, bytes.ToArray());
            _file.FlushToDisk();
        }
        catch (Exception failure) when (StorageFailure.Is(failure))
        {
            _outage = StorageFailure.Describe(failure);
            lastHeldSequence = null;
            return false;
        }

        _chain = _durableChain = recovered.Next;
        _end = _durableEnd += bytes.Length;
        _spill.Clear();
        _outage = null;
        _lastSyncTimestamp = _clock.GetTimestamp();
        return true;
    }

    private string RecoveryText()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"log storage recovered after {_spill.Count} buffered records (written above, in order)");
        if (_spill.Dropped > 0)
        {
            text += string.Create(
                CultureInfo.InvariantCulture,
                $"; the spill buffer was full and dropped {_spill.Dropped} lower-priority records " +
                $"({_spill.DroppedOf(LogPriority.Info)} Info, {_spill.DroppedOf(LogPriority.Low)} Low, {_spill.DroppedOf(LogPriority.Medium)} Medium)");
        }

        if (_spill.RefusedHighPriority > 0)
        {
            text += string.Create(
                CultureInfo.InvariantCulture,
                $"; {_spill.RefusedHighPriority} high-priority records were lost because the buffer held only high-priority records");
        }

        return text;
    }

    private HazardLogHealth HealthLocked()
    {
        if (_outage is null)
        {
            return new HazardLogHealth.Healthy();
        }

        return _spill.RefusedHighPriority > 0
            ? new HazardLogHealth.Failed(_outage, _spill.Count, _spill.Dropped, _spill.RefusedHighPriority)
            : new HazardLogHealth.Degraded(_outage, _spill.Count, _spill.Dropped);
    }

    private HazardLogHealthChangedEventArgs? TakeHealthChangeLocked()
    {
        var current = HealthLocked();
        if (current.GetType() == _announced.GetType())
        {
            return null;
        }

        var change = new HazardLogHealthChangedEventArgs(_announced, current);
        _announced = current;
        return change;
    }

    private void Announce(HazardLogHealthChangedEventArgs? change)
    {
        if (change is not null)
        {
            HealthChanged?.Invoke(this, change);
        }
    }

    private void OnSyncTimer()
    {
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            FlushLocked();
            change = TakeHealthChangeLocked();
        }

        Announce(change);
    }

}
