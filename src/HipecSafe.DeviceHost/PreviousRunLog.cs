using System.Globalization;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.DeviceHost;

/// <summary>
/// The device writes one hazard log per run, so a crashed run leaves its log unsealed and no later writer reopens it
/// to record that. At start the device checks the previous run's log against its head file; unless it is intact and
/// sealed, the new log says so first. The old log is left as it is: it is evidence, and its own verdict
/// (<c>hipecsafe log verify</c>) keeps showing what happened.
/// </summary>
public static class PreviousRunLog
{
    /// <summary>
    /// The newest log in <paramref name="directory"/> matching <paramref name="pattern"/> other than
    /// <paramref name="newLogPath"/>, by name (the device's log names carry their UTC start time, so they sort by it);
    /// null when there is none.
    /// </summary>
    public static string? Find(string directory, string pattern, string newLogPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var self = Path.GetFullPath(newLogPath);
        return Directory.EnumerateFiles(directory, pattern)
            .Where(f => Path.GetFullPath(f) != self)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>What the new log records about the previous run's log at <paramref name="path"/>; null when it was closed cleanly.</summary>
    public static HazardLogEntry? Check(string path) => Examine(path).Finding;

    /// <summary>
    /// The previous run's log at <paramref name="path"/>: what the new log records about it (null when it was closed
    /// cleanly), and the procedure it left unfinished, read from the records that verify (SRS-RS-002; null when none:
    /// also when the log cannot be read at all).
    /// </summary>
    public static (HazardLogEntry? Finding, ProcedureResume? Resume) Examine(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        AnchoredVerification found;
        var records = new List<HazardLogRecord>();
        try
        {
            // The head first, as log verify reads it.
            var head = PhysicalHazardLogFileSystem.Instance.ReadHead(HazardLogHead.PathFor(path));
            using var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            found = HazardLogVerifier.VerifyAnchored(log, head, records.Add);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return (new FaultEntry("hazard log", $"the previous run's log {name} could not be read: {unreadable.Message}"), null);
        }

        // A sealed log may still end mid-procedure (the device was stopped during it): the checkpoint decides, not the seal.
        var resume = ProcedureResume.From(records);
        HazardLogEntry? finding = found.Verdict switch
        {
            LogVerdict.Intact => null,
            LogVerdict.NotSealed or LogVerdict.TornTail => CrashMarker(name, found),
            _ => new FaultEntry("hazard log", $"the previous run's log {name}: {found.Describe()}"),
        };
        return (finding, resume);
    }

    private static LogNotSealedEntry CrashMarker(string name, AnchoredVerification found)
    {
        var head = found.HeadFinding == HeadFinding.Confirmed ? found.Head : null;
        var torn = found.Verdict == LogVerdict.TornTail ? " and ends in a torn record" : string.Empty;
        var detail = head is null
            ? $"the previous run's log {name} was not sealed (crash, kill or power loss){torn}, and it has no head file"
            : string.Create(CultureInfo.InvariantCulture,
                $"the previous run's log {name} was not sealed (crash, kill or power loss){torn}; its head file anchored {head.RecordCount} records, " +
                $"{found.Chain.RecordCount - head.RecordCount} more followed unanchored");
        return new LogNotSealedEntry(head?.RecordCount, head?.LastHash, found.Chain.RecordCount, found.Chain.LastHash, detail);
    }
}
