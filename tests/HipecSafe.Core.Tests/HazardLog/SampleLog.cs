using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Tests.HazardLog;

/// <summary>Builds small logs in memory: one record of every kind, with awkward text and values.</summary>
internal static class SampleLog
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static LogHeaderEntry Header => new(HazardLogFormat.Version, "HIPEC-0042", "default-41C", "5f0c6a1e9d7b4c2a8e3f1b0d9c8a7e6f");

    /// <summary>One entry of every kind after the header.</summary>
    public static IReadOnlyList<(LogPriority Priority, HazardLogEntry Entry)> EveryKind =>
    [
        (LogPriority.Medium, new PhaseTransitionEntry(Phase.Standby, Phase.Priming, "StartPriming", "SRS-PH-003")),
        (LogPriority.Medium, new PhaseTransitionEntry(Phase.Heating, Phase.SafeState, "Fault", "SRS-PH-015", "interlock IL-OVERTEMP")),
        (LogPriority.High, new AlarmEntry(AlarmEventKind.Raised, "ALM-INFLOW-HIGH", AlarmPriority.High, Hazards.InflowOvertemperature,
            "Inflow temperature high", "44.15 °C", "limit 44.00 °C for 1 s", false, "condition present")),
        (LogPriority.High, new AlarmEntry(AlarmEventKind.AudioPaused, null, AlarmPriority.High, null,
            "audio paused", "", "", true, "audio paused by operator for 120 s")),
        (LogPriority.Medium, new AlarmEntry(AlarmEventKind.Acknowledged, "ALM-FLOW-LOW", AlarmPriority.Medium, Hazards.InadequateFlow,
            "Flow low", "0.8 L/min", "limit 1.0 L/min", true, "acknowledged by operator")),
        (LogPriority.Low, new AlarmEntry(AlarmEventKind.Cleared, "BUS-TIMEOUT", AlarmPriority.Low, null,
            "Sensor board not answering", "NaN °C", "", false, "")),
        .. new[] { AlarmEventKind.Reactivated, AlarmEventKind.Escalated, AlarmEventKind.PriorityLowered, AlarmEventKind.Latched,
                   AlarmEventKind.AudioPauseEnded, AlarmEventKind.AudioPauseCancelled }
            .Select(kind => (LogPriority.Medium, (HazardLogEntry)new AlarmEntry(
                kind, "ALM-PRESSURE", AlarmPriority.Medium, Hazards.Occlusion, "Inflow pressure high", "182 mmHg", "limit 180 mmHg", false, $"{kind}"))),
        (LogPriority.Info, OperatorCommandEntry.WasAccepted("StartHeating")),
        (LogPriority.Medium, OperatorCommandEntry.WasRefused("AddDrug", "abdomen 40.1 °C is below the 41 °C \"therapeutic\" threshold")),
        (LogPriority.High, new FaultEntry("heater board", "CRC error on reply to\nread holding registers 0x0010")),
        (LogPriority.High, new InterlockEntry(InterlockChange.Tripped, "IL-OVERTEMP", Hazards.AbdominalOverheating, "HeaterOff, ClampClose",
            "43.62 °C, limit 43.50 °C for 1 s")),
        (LogPriority.Medium, new InterlockEntry(InterlockChange.Cleared, "IL-OVERTEMP", Hazards.AbdominalOverheating, "heater may be re-enabled by operator")),
        (LogPriority.High, new SafeStateEntry(SafeStateChange.Entered, "interlock IL-OVERTEMP")),
        (LogPriority.Medium, new SafeStateEntry(SafeStateChange.Left, "operator reset")),
        (LogPriority.Info, new NoteEntry("ünïcödé ✓ and a tab\tinside")),
        (LogPriority.High, new LogNotSealedEntry(null, null, 3, new string('a', HazardLogFormat.HashLength), "no head file was found")),
        (LogPriority.High, new LogNotSealedEntry(2, new string('b', HazardLogFormat.HashLength), 3, new string('c', HazardLogFormat.HashLength),
            "the previous writer did not seal the log; 1 record followed the last anchor")),
        (LogPriority.Low, new ProcedureCheckpointEntry(Phase.SafeState, Phase.ChemoPerfusion, Phase.ChemoPerfusion, TimeSpan.FromSeconds(754.3),
            TimeSpan.FromMinutes(90), TimeSpan.Zero, TimeSpan.Zero, "default", new CheckpointCircuitVolume(1499.94, false, false, null, false),
            new CheckpointChemoHold(TimeSpan.FromSeconds(3600.2), TimeSpan.FromSeconds(12.5), 3), ["IL-ABDOMEN-HIGH: 43.6 °C", "crash \"a\""], ["IL-AIR"])),
        (LogPriority.Low, new ProcedureCheckpointEntry(Phase.Washout, null, Phase.Washout, TimeSpan.FromMinutes(90),
            TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(12.3), TimeSpan.Zero, "default", new CheckpointCircuitVolume(1500, true, true, 1180.5, true),
            null, [], [])),
        (LogPriority.Low, new ChemoClockEntry(TimeSpan.FromSeconds(1234.5))),
        (LogPriority.High, new LogSealedEntry("controller stopped (end of run): safe command written")),
    ];

    /// <summary>A header plus <paramref name="entries"/>, one second apart.</summary>
    public static (byte[] Bytes, IReadOnlyList<HazardLogRecord> Records) Build(IEnumerable<(LogPriority Priority, HazardLogEntry Entry)> entries)
    {
        var chain = HazardLogChain.Genesis;
        var bytes = new MemoryStream();
        var records = new List<HazardLogRecord>();
        var sealedHeader = chain.Seal(LogPriority.Info, TimeSpan.Zero, Start, Header);
        Add(sealedHeader);
        var second = 1;
        foreach (var (priority, entry) in entries)
        {
            Add(chain.Seal(priority, TimeSpan.FromSeconds(second), Start.AddSeconds(second), entry));
            second++;
        }

        return (bytes.ToArray(), records);

        void Add(SealedRecord sealedRecord)
        {
            bytes.Write(sealedRecord.Line.Span);
            records.Add(sealedRecord.Record);
            chain = sealedRecord.Next;
        }
    }

    public static (byte[] Bytes, IReadOnlyList<HazardLogRecord> Records) Notes(int count) =>
        Build(Enumerable.Range(1, count).Select(i => (LogPriority.Low, (HazardLogEntry)new NoteEntry($"note {i}"))));

    /// <summary>Byte offsets at which each line starts, plus the total length at the end.</summary>
    public static IReadOnlyList<int> LineStarts(byte[] log)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < log.Length; i++)
        {
            if (log[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
