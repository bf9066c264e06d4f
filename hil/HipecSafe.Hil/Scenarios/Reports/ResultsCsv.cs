using System.Globalization;
using System.Text;

namespace HipecSafe.Hil.Scenarios.Reports;

/// <summary><c>results.csv</c>: one row per scenario with its verdict and measurements (RFC 4180 quoting, invariant numbers, seconds).</summary>
public static class ResultsCsv
{
    private static readonly string[] Header =
    [
        "name", "file", "passed", "failed_expectations", "fault_onset_s", "safe_state_at_s", "time_to_safe_state_s", "safe_state_cause",
        "pump_running_at_safe_state", "first_safe_state_s", "max_abdomen_c", "max_inflow_c", "max_core_c", "completed", "end_phase", "end_s",
        "end_reason", "hazard_findings_after_onset", "wall_s", "error",
    ];

    public static void Write(IReadOnlyList<CampaignEntry> entries, string path)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Header));
        foreach (var entry in entries)
        {
            var r = entry.Result;
            var o = r?.Observed;
            string[] row =
            [
                entry.Scenario.Name,
                entry.Scenario.Source,
                entry.Passed ? "true" : "false",
                r is null ? "" : string.Join("; ", r.Failures.Select(f => f.Name)),
                Seconds(o?.FaultOnset),
                Seconds(o?.SafeStateAfterOnset?.Time),
                Seconds(o?.TimeToSafeState),
                o?.SafeStateAfterOnset?.Cause ?? "",
                o?.SafeStateAfterOnset is { } s ? (s.PumpRunning ? "true" : "false") : "",
                Seconds(o?.FirstSafeState?.Time),
                Number(o?.MaxAbdomenC),
                Number(o?.MaxInflowC),
                Number(o?.MaxCoreC),
                o is null ? "" : o.Completed ? "true" : "false",
                o?.EndPhase?.ToString() ?? "",
                Seconds(o?.EndTime),
                o?.EndReason ?? "",
                o is null ? "" : string.Join(" ", o.FindingsAfterOnset.Select(f => f.Label).Distinct(StringComparer.Ordinal)),
                Number(r?.WallTime.TotalSeconds),
                entry.Error ?? "",
            ];
            text.AppendLine(string.Join(",", row.Select(Quote)));
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Number(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
