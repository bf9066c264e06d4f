using System.Globalization;
using System.Text;

namespace HipecSafe.Hil.Scenarios.Reports;

/// <summary>
/// <c>alarm-delays.md</c>: the delays the rig measured, for the disclosure IEC 60601-1-8 asks for (SRS-SC-014). For
/// every scenario whose fault fired: from the fault onset to the first hazard-log record of each trip, fault or safe
/// state entry (the controller's decision, logged in the cycle it was made), and to the safe state at the plant
/// (heater without power, judged on physical truth). Then, per rule, the shortest and longest delay over the campaign.
/// For a step fault (offset, dropout, loss, crash, air...) the onset is when the condition became present; for a slow
/// fault (drift, leak, occlusion building up pressure) the delay includes the physics and is an upper bound.
/// </summary>
public static class AlarmDelayReport
{
    public const string FileName = "alarm-delays.md";

    /// <summary>The first record of one label (rule id, fault source, SafeState) after a scenario's fault onset.</summary>
    public sealed record Detection(string Label, TimeSpan Delay);

    public sealed record Row(string Scenario, string Faults, TimeSpan Onset, IReadOnlyList<Detection> Detections, TimeSpan? ToSafeStateAtPlant);

    public sealed record LabelSummary(string Label, int Scenarios, TimeSpan Shortest, TimeSpan Longest);

    public static IReadOnlyList<Row> Rows(IEnumerable<CampaignEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<Row>();
        foreach (var entry in entries.OrderBy(e => e.Scenario.Name, StringComparer.Ordinal))
        {
            if (entry.Result?.Observed is not { FaultOnset: { } onset } o)
            {
                continue;
            }

            var detections = o.FindingsAfterOnset
                .GroupBy(f => f.Label, StringComparer.Ordinal)
                .Select(g => new Detection(g.Key, Max(g.Min(f => f.Time) - onset, TimeSpan.Zero)))
                .OrderBy(d => d.Delay)
                .ThenBy(d => d.Label, StringComparer.Ordinal)
                .ToList();
            var faults = string.Join("; ", o.Faults.Where(f => f.Fired).Select(f => $"{f.Fault.Target} {f.Fault.Kind}"));
            rows.Add(new Row(entry.Scenario.Name, faults, onset, detections, o.TimeToSafeState));
        }

        return rows;
    }

    public static IReadOnlyList<LabelSummary> ByLabel(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.SelectMany(r => r.Detections)
            .GroupBy(d => d.Label, StringComparer.Ordinal)
            .Select(g => new LabelSummary(g.Key, g.Count(), g.Min(d => d.Delay), g.Max(d => d.Delay)))
            .OrderBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
    }

    public static void Write(IReadOnlyList<CampaignEntry> entries, string path)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = Rows(entries);
        var md = new StringBuilder();
        md.AppendLine("# Alarm delays measured by the HIL rig");
        md.AppendLine();
        md.AppendLine("Measured on the lockstep rig (10 Hz controller cycle, 20 Hz boards, virtual Modbus bus) by `hipecsafe campaign`.");
        md.AppendLine("Delay = procedure time of the first hazard-log record of each trip / fault / safe-state entry minus the fault onset");
        md.AppendLine("(the condition delay plus the time the trip takes to be decided and logged); *safe at plant* = until the plant's heater");
        md.AppendLine("had no power with a latching protection holding it. Step faults start the condition at the onset; slow faults");
        md.AppendLine("(drift, leak, occlusion) include the physics, so their delays are upper bounds of the alarm condition delay.");
        md.AppendLine("An event handled between cycles (an actor crash) is stamped with the last cycle's time and counts as 0.");
        md.AppendLine();
        md.AppendLine("## Per rule (over the campaign)");
        md.AppendLine();
        md.AppendLine("| trip / fault / safe state | scenarios | shortest s | longest s |");
        md.AppendLine("|---|---|---|---|");
        foreach (var s in ByLabel(rows))
        {
            md.AppendLine(Inv($"| {s.Label} | {s.Scenarios} | {s.Shortest.TotalSeconds:0.000} | {s.Longest.TotalSeconds:0.000} |"));
        }

        md.AppendLine();
        md.AppendLine("## Per scenario");
        md.AppendLine();
        md.AppendLine("| scenario | fault | onset | first records after the onset (delay s) | safe at plant after s |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var detections = r.Detections.Count == 0 ? "none" : string.Join(", ", r.Detections.Select(d => Inv($"{d.Label} {d.Delay.TotalSeconds:0.000}")));
            var safe = r.ToSafeStateAtPlant is { } t ? Inv($"{t.TotalSeconds:0.000}") : "—";
            md.AppendLine($"| {r.Scenario} | {r.Faults} | {ScenarioTime.Clock(r.Onset)} | {detections} | {safe} |");
        }

        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
