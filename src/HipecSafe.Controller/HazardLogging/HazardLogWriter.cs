using System.Globalization;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Appends records to the hazard log file. Durability by priority: a <see cref="LogPriority.High"/> record is
/// fsynced before <see cref="Append"/> returns; others are written to the OS at once and fsynced within
/// <see cref="HazardLogWriterOptions.SyncInterval"/>, at the next high-priority record, or at <see cref="Dispose"/>.
/// After every high-priority record, flush and seal, once the records are fsynced, the head file next to the log is
/// replaced with their count and last hash (the tail anchor); <see cref="Seal"/> ends a cleanly closed log, and opening
/// a log that was not sealed records a <see cref="LogNotSealedEntry"/> first.
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
    private readonly IHazardLogFileSystem _fileSystem;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _syncInterval;
    private readonly ITimer _syncTimer;
    private readonly SpillBuffer _spill;

    // Records written to the file since the last successful fsync, kept so they can be written again if it fails
    // (after a failed fsync the kernel may have dropped them while reporting later fsyncs as fine).
    private readonly List<PendingEntry> _unsynced = [];

    private HazardLogChain _chain;        // after the last record written to the file
    private HazardLogChain _durableChain; // after the last record known to be on stable storage
    private HazardLogChain _anchoredChain; // what the head file says
    private long _end;
    private long _durableEnd;
    private long _lastSyncTimestamp;
    private TimeSpan _lastProcedureTime;
    private string? _outage; // why storage fails; null while it works
    private HazardLogHealth _announced = new HazardLogHealth.Healthy();
    private bool _disposed;

    private HazardLogWriter(HazardLogWriterOptions options, IHazardLogFile file, AnchoredVerification opened)
    {
        _file = file;
        _fileSystem = options.FileSystem;
        _clock = options.TimeProvider;
        _syncInterval = options.SyncInterval;
        _spill = new SpillBuffer(options.SpillCapacity);
        Path = options.Path;
        HeadPath = HazardLogHead.PathFor(options.Path);
        Opened = opened;
        var existing = opened.Chain;

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

        if (existing.RecordCount > 0 && (!opened.IsSealed || DiscardedTornBytes > 0))
        {
            // Before anything else of this run: the previous writer did not close the log, and how far the head vouched.
            chain = Write(chain.Seal(LogPriority.High, chain.LastProcedureTime, now, CrashMarker(opened)));
        }
        else if (existing.RecordCount > 0 && opened.HeadFinding != HeadFinding.Confirmed)
        {
            chain = Write(chain.Seal(LogPriority.High, chain.LastProcedureTime, now, new FaultEntry(LogSource,
                $"the log ends with its seal, but its head file {HeadState(opened)}: records lost from its end before this point cannot be detected")));
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

        // The head is written at every open, after the records it anchors are on disk; failing, the open fails.
        _fileSystem.ReplaceHead(HeadPath, new HazardLogHead(Header.LogId, chain.NextSequence, chain.LastHash).Encode());
        _chain = _durableChain = _anchoredChain = chain;
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
    /// An existing log is verified first, against its head file: the chain continues after its last good record; a
    /// torn tail is discarded after a Fault record saying how many bytes; a log that was not sealed gets a
    /// <see cref="LogNotSealedEntry"/>; a corrupt log, or one holding less than its head anchors, throws
    /// <see cref="HazardLogCorruptException"/> and is left untouched, head and all. The head is then rewritten. I/O
    /// errors while opening throw (a procedure must not start without a log).
    /// </summary>
    public static HazardLogWriter Open(HazardLogWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // The head before the log: the head never runs ahead of the log, so a log read after it can only be longer.
        var head = options.FileSystem.ReadHead(HazardLogHead.PathFor(options.Path));
        var file = options.FileSystem.Open(options.Path);
        try
        {
            AnchoredVerification opened;
            using (var reader = file.OpenRead())
            {
                opened = HazardLogVerifier.VerifyAnchored(reader, head);
            }

            if (opened.Chain.Status == VerificationStatus.Corrupt)
            {
                throw new HazardLogCorruptException(options.Path, opened.Chain);
            }

            if (opened.Verdict == LogVerdict.AnchorMismatch)
            {
                throw new HazardLogCorruptException(options.Path, opened);
            }

            return new HazardLogWriter(options, file, opened);
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

    /// <summary>The head file next to the log (<see cref="HazardLogHead.PathFor"/>).</summary>
    public string HeadPath { get; }

    /// <summary>The header of this log (written now for a new log, read back for an existing one).</summary>
    public LogHeaderEntry Header { get; }

    /// <summary>What verifying the existing file found when it was opened.</summary>
    public VerificationResult OpenedLog => Opened.Chain;

    /// <summary>What verifying the existing file against its head found when it was opened.</summary>
    public AnchoredVerification Opened { get; }

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
    /// Syncs what is written and anchors it in the head file, or retries storage when it is failing. True when every
    /// accepted record is now durable and anchored.
    /// </summary>
    public bool Flush()
    {
        bool durable;
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            durable = FlushLocked(anchor: true);
            change = TakeHealthChangeLocked();
        }

        Announce(change);
        return durable;
    }

    /// <summary>
    /// Closes the log cleanly: appends a high-priority <see cref="LogSealedEntry"/> giving <paramref name="reason"/>, at
    /// the last record's procedure time and the writer's wall clock, fsyncs it and anchors it in the head file. Call it
    /// once nothing else will be appended; a record appended after it leaves the log unsealed again. Like
    /// <see cref="Append"/>, it never throws for storage problems.
    /// </summary>
    public LogAppendResult Seal(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        LogAppendResult result;
        HazardLogHealthChangedEventArgs? change;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = AcceptLocked(new PendingEntry(LogPriority.High, _lastProcedureTime, _clock.GetUtcNow(), new LogSealedEntry(reason)));
            change = TakeHealthChangeLocked();
        }

        Announce(change);
        return result;
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
            FlushLocked(anchor: true);
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

            if (item.Priority == LogPriority.High)
            {
                // Durable whatever the head does: a head that cannot be written puts the writer in an outage.
                AnchorLocked();
            }

            return new LogAppendResult(LogAppendOutcome.Durable, sealedRecord.Record.Sequence);
        }

        return new LogAppendResult(LogAppendOutcome.Written, sealedRecord.Record.Sequence);
    }

    /// <param name="anchor">Also bring the head file up to date (flush, dispose); the sync timer does not.</param>
    private bool FlushLocked(bool anchor)
    {
        if (_outage is not null)
        {
            return TryRecoverLocked(out _);
        }

        var synced = _unsynced.Count == 0 || TrySyncLocked();
        return synced && (!anchor || AnchorLocked());
    }

    /// <summary>
    /// Replaces the head file with the durable chain's count and last hash (only ever after their fsync, so the head
    /// never runs ahead of the log). A head that cannot be written is a storage failure like any other.
    /// </summary>
    private bool AnchorLocked()
    {
        if (ReferenceEquals(_anchoredChain, _durableChain))
        {
            return true;
        }

        try
        {
            _fileSystem.ReplaceHead(HeadPath, HeadOf(_durableChain));
        }
        catch (Exception failure) when (StorageFailure.Is(failure))
        {
            EnterOutageLocked(failure, failing: null, part: "head file");
            return false;
        }

        _anchoredChain = _durableChain;
        return true;
    }

    private byte[] HeadOf(HazardLogChain chain) => new HazardLogHead(Header.LogId, chain.NextSequence, chain.LastHash).Encode();

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
    private void EnterOutageLocked(Exception failure, PendingEntry? failing, string? part = null)
    {
        _outage = Outage(failure, part);
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
        string? part = null;
        try
        {
            // A failed write may have left part of a record behind.
            if (_file.Length != _durableEnd)
            {
                _file.SetLength(_durableEnd);
            }

            _file.WriteAt(_durableEnd, bytes.ToArray());
            _file.FlushToDisk();
            part = "head file";
            _fileSystem.ReplaceHead(HeadPath, HeadOf(recovered.Next));
        }
        catch (Exception failure) when (StorageFailure.Is(failure))
        {
            // Records already fsynced past the durable end are cut back and written again at the next try.
            _outage = Outage(failure, part);
            lastHeldSequence = null;
            return false;
        }

        _chain = _durableChain = _anchoredChain = recovered.Next;
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

            FlushLocked(anchor: false);
            change = TakeHealthChangeLocked();
        }

        Announce(change);
    }

    private static string Outage(Exception failure, string? part) =>
        part is null ? StorageFailure.Describe(failure) : $"{part}: {StorageFailure.Describe(failure)}";

    /// <summary>The crash marker: the previous writer did not seal the log; what its head said and what is there.</summary>
    private static LogNotSealedEntry CrashMarker(AnchoredVerification opened)
    {
        var found = opened.Chain;
        var head = opened.HeadFinding == HeadFinding.Confirmed ? opened.Head : null;
        var detail = head is not null
            ? string.Create(CultureInfo.InvariantCulture,
                $"the previous writer did not seal the log (crash, kill or power loss); its head file anchored {head.RecordCount} records, " +
                $"{found.RecordCount - head.RecordCount} more followed unanchored")
            : $"the previous writer did not seal the log (crash, kill or power loss) and its head file {HeadState(opened)}: " +
              "records lost from its end before this point cannot be detected";
        return new LogNotSealedEntry(head?.RecordCount, head?.LastHash, found.RecordCount, found.LastHash, detail);
    }

    private static string HeadState(AnchoredVerification opened) =>
        opened.HeadFinding == HeadFinding.Unreadable ? $"was unreadable ({opened.HeadProblem})" : "was missing";
}
