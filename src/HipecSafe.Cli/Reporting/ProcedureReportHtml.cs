using System.Globalization;
using System.Net;
using System.Text;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Profile;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// The HTML procedure report of a procedure record, for a clinician or an auditor: outcome, phases with times, key
/// figures against the profile's limits and the design targets, every alarm event, interlock trip, safe-state change,
/// fault and operator command from the hazard log, the log's verification verdict and last hash, and the plots
/// (embedded, so the single file is the report).
/// </summary>
internal static class ProcedureReportHtml
{
    public const string FileName = "report.html";

    public static void Write(string path, SimulationSummary summary, TreatmentProfile profile, HazardLogDigest log, IReadOnlyList<string> plotPaths, IReadOnlyList<string> recordFiles)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(plotPaths);
        ArgumentNullException.ThrowIfNull(recordFiles);
        var h = new StringBuilder();
        var m = summary.Metrics;
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>HipecSafe procedure report</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:1250px;margin:1em auto;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
            .Append("th,td{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".ok{color:#11691c;font-weight:bold}.bad{color:#b00020;font-weight:bold}.banner{padding:.6em 1em;border-radius:4px;font-size:1.2em}")
            .Append(".banner.ok{background:#e3f4e1}.banner.bad{background:#fbe3e6}code{font-size:.9em;word-break:break-all}img{max-width:100%}</style>\n</head>\n<body>\n");
        h.Append("<h1>HipecSafe procedure report</h1>\n");
        h.Append("<p>Simulated procedure: real controller software against the hardware-in-the-loop plant model, in lockstep. ")
            .Append("Temperatures, flows and pressures in this report are the plant's physical truth unless marked as measured.</p>\n");

        var outcome = summary.Succeeded
            ? $"Procedure completed; the safe state was never entered."
            : m.SafeStateEntered
                ? $"The device entered the safe state; the procedure ended in {summary.EndPhase}."
                : $"The procedure did not complete: stopped at the time limit in {summary.EndPhase}.";
        h.Append("<p class=\"banner ").Append(summary.Succeeded ? "ok" : "bad").Append("\">").Append(Enc(outcome)).Append("</p>\n");

        h.Append("<h2>Overview</h2>\n<table>\n");
        Row(h, "profile", profile.Name);
        Row(h, "seed", summary.Seed.ToString(CultureInfo.InvariantCulture));
        Row(h, "log id", log.Verification.Header?.LogId ?? "-");
        Row(h, "device", log.Verification.Header?.DeviceId ?? "-");
        Row(h, "simulated time", Clock(m.SimulatedTime));
        Row(h, "computed in", Inv($"{summary.WallSeconds:0.00} s wall clock"));
        Row(h, "profile set-points", Inv($"abdomen {profile.AbdominalTarget.DegreesCelsius:0.0} °C (band {profile.AbdominalBandLow.DegreesCelsius:0.0}–{profile.AbdominalBandHigh.DegreesCelsius:0.0} °C), flow {profile.FlowTarget.LitersPerMinute:0.0#} L/min, chemo {profile.ChemoDuration.Minutes:0.#} min"));
        h.Append("</table>\n");

        WritePhases(h, summary, log);
        WriteFigures(h, m, profile);
        WriteLogSections(h, log);

        h.Append("<h2>Plots</h2>\n");
        foreach (var plot in plotPaths)
        {
            var name = Path.GetFileName(plot);
            h.Append("<figure><img alt=\"").Append(Enc(name)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(File.ReadAllBytes(plot))).Append("\"><figcaption>").Append(Enc(name)).Append("</figcaption></figure>\n");
        }

        h.Append("<h2>Files of this record</h2>\n<ul>\n");
        foreach (var f in recordFiles)
        {
            h.Append("<li><code>").Append(Enc(f)).Append("</code></li>\n");
        }

        h.Append("</ul>\n</body>\n</html>\n");
        File.WriteAllText(path, h.ToString(), new UTF8Encoding(false));
    }

    private static void WritePhases(StringBuilder h, SimulationSummary summary, HazardLogDigest log)
    {
        var m = summary.Metrics;
        h.Append("<h2>Phases</h2>\n<table>\n<tr><th>phase</th><th>entered at</th><th>duration</th></tr>\n");
        for (var i = 0; i < m.Phases.Count; i++)
        {
            var p = m.Phases[i];
            var end = i + 1 < m.Phases.Count ? m.Phases[i + 1].At : m.SimulatedTime;
            h.Append("<tr><td>").Append(Enc(p.Phase.ToString())).Append("</td><td class=\"n\">").Append(Clock(p.At))
                .Append("</td><td class=\"n\">").Append(Clock(end - p.At)).Append("</td></tr>\n");
        }

        h.Append("</table>\n<h2>Phase transitions (hazard log)</h2>\n");
        Records(h, log.PhaseTransitions, "No phase transitions recorded.", ["from", "to", "trigger", "requirement", "detail"], r =>
        {
            var t = (PhaseTransitionEntry)r.Entry;
            return [t.From.ToString(), t.To.ToString(), t.Trigger, t.RequirementId, t.Detail ?? string.Empty];
        });
    }

    private static void WriteFigures(StringBuilder h, Hil.Rig.ProcedureMetrics m, TreatmentProfile profile)
    {
        h.Append("<h2>Key figures</h2>\n<table>\n<tr><th>figure</th><th>value</th><th>reference</th><th>check</th></tr>\n");
        var band = Inv($"{profile.AbdominalBandLow.DegreesCelsius:0.0}–{profile.AbdominalBandHigh.DegreesCelsius:0.0} °C");
        Figure(h, "heat-up: start of Heating to every abdominal probe ≥ " + Inv($"{profile.DrugAdditionMinimum.DegreesCelsius:0.0} °C"),
            m.HeatUp is { } hu ? Clock(hu) : "not reached",
            m.HeatUpBoundTime is { } b ? $"physical bound {Clock(b)} (full heater power from the start); design target ≤ 1.15 × bound" : "-",
            m.HeatUpRatio is { } r ? (Inv($"{r:0.00}× bound"), r <= 1.15) : null);
        Figure(h, "heat-up against the inflow-limited reference",
            m.HeatUpInflowLimitedRatio is { } lr ? Inv($"{lr:0.00}× reference") : "-",
            m.HeatUpInflowLimitedTime is { } lt ? Inv($"reference {Clock(lt)}: full power only while the heater outlet is below {profile.InflowSetpointMax.DegreesCelsius:0.0} °C (the highest inflow set-point)") : "-",
            null);
        Figure(h, "abdominal overshoot (probe mean above target)", Inv($"{m.AbdominalOvershootC:0.00} °C"), "design target ≤ 0.30 °C", (string.Empty, m.AbdominalOvershootC <= 0.3));
        Figure(h, "inflow error during chemo, max |truth − set-point|", Num(m.InflowErrorMaxC, "0.000", " °C"), "design target ≤ 0.20 °C",
            m.InflowErrorMaxC is { } ie ? (string.Empty, ie <= 0.2) : null);
        Figure(h, "inflow error during chemo, RMS", Num(m.InflowErrorRmsC, "0.000", " °C"), "-", null);
        Figure(h, "flow error during chemo, max", Num(m.FlowErrorMaxPercent, "0.00", " %"), "design target ≤ 2 %",
            m.FlowErrorMaxPercent is { } fe ? (string.Empty, fe <= 2.0) : null);
        Figure(h, "abdomen during chemo, coldest … hottest probe",
            m.ChemoAbdomenMinC is { } lo && m.ChemoAbdomenMaxC is { } hi ? Inv($"{lo:0.00} … {hi:0.00} °C") : "no chemo phase",
            Inv($"drug added once every probe ≥ {profile.DrugAdditionMinimum.DegreesCelsius:0.0} °C, below the band"), null);
        Figure(h, "chemo: time until every probe is in the therapeutic band",
            m.ChemoTimeToBand is { } tb ? Clock(tb) : "never", "-", null);
        Figure(h, "chemo once in band, coldest … hottest probe",
            m.ChemoInBandMinC is { } ilo && m.ChemoInBandMaxC is { } ihi ? Inv($"{ilo:0.00} … {ihi:0.00} °C") : "-",
            "therapeutic band " + band,
            m.ChemoInBandMinC is { } ilo2 && m.ChemoInBandMaxC is { } ihi2
                ? (string.Empty, ilo2 >= profile.AbdominalBandLow.DegreesCelsius && ihi2 <= profile.AbdominalBandHigh.DegreesCelsius)
                : null);
        Figure(h, "chemo perfusion time", Clock(m.ChemoTime), "profile " + Clock(profile.ChemoDuration.ToTimeSpan()),
            (string.Empty, m.ChemoTime >= profile.ChemoDuration.ToTimeSpan() - TimeSpan.FromSeconds(1)));
        Figure(h, "hottest abdominal probe, whole procedure", Inv($"{m.AbdomenMaxC:0.00} °C"),
            Inv($"alarm limit {profile.Limits.AbdominalHigh.DegreesCelsius:0.0} °C"), (string.Empty, m.AbdomenMaxC < profile.Limits.AbdominalHigh.DegreesCelsius));
        Figure(h, "highest core temperature", Inv($"{m.CoreMaxC:0.00} °C"),
            Inv($"warning {profile.Limits.CoreWarning.DegreesCelsius:0.0} °C"), (string.Empty, m.CoreMaxC < profile.Limits.CoreWarning.DegreesCelsius));
        Figure(h, "safe state entered", m.SafeStateEntered ? "yes" : "no", "-", (string.Empty, !m.SafeStateEntered));
        Figure(h, "interlock rules active at some cycle", m.TripsSeen.Count == 0 ? "none" : string.Join(", ", m.TripsSeen), "-", null);
        h.Append("</table>\n");
    }

    private static void WriteLogSections(StringBuilder h, HazardLogDigest log)
    {
        h.Append("<h2>Alarms (hazard log)</h2>\n");
        Records(h, log.Alarms, "No alarm events.", ["event", "alarm", "priority", "hazard", "message", "measured", "limit"], r =>
        {
            var a = (AlarmEntry)r.Entry;
            return [a.Kind.ToString(), a.AlarmId ?? "-", a.AlarmPriority?.ToString() ?? "-", a.HazardId ?? "-", a.Message, a.MeasuredValue, a.Limit];
        });

        h.Append("<h2>Interlock trips (hazard log)</h2>\n");
        Records(h, log.Interlocks, "No interlock tripped.", ["change", "rule", "hazard", "response", "detail"], r =>
        {
            var i = (InterlockEntry)r.Entry;
            return [i.Change.ToString(), i.RuleId, i.HazardId, i.Response, i.Detail ?? string.Empty];
        });

        h.Append("<h2>Safe state (hazard log)</h2>\n");
        Records(h, log.SafeStates, "The safe state was never entered.", ["change", "reason"], r =>
        {
            var s = (SafeStateEntry)r.Entry;
            return [s.Change.ToString(), s.Reason];
        });

        h.Append("<h2>Faults (hazard log)</h2>\n");
        Records(h, log.Faults, "No faults recorded.", ["source", "description"], r =>
        {
            var f = (FaultEntry)r.Entry;
            return [f.Source, f.Description];
        });

        h.Append("<h2>Operator commands (hazard log)</h2>\n");
        Records(h, log.OperatorCommands, "No operator commands.", ["command", "accepted", "refusal reason"], r =>
        {
            var c = (OperatorCommandEntry)r.Entry;
            return [c.Command, c.Accepted ? "yes" : "no", c.RefusalReason ?? string.Empty];
        });

        var v = log.Verification;
        h.Append("<h2>Hazard log integrity</h2>\n<table>\n");
        h.Append("<tr><th>verification</th><td class=\"").Append(v.IsIntact ? "ok" : "bad").Append("\">").Append(Enc(v.Status.ToString())).Append("</td></tr>\n");
        Row(h, "records verified", v.RecordCount.ToString(CultureInfo.InvariantCulture));
        h.Append("<tr><th>last hash</th><td><code>").Append(Enc(v.LastHash)).Append("</code></td></tr>\n");
        Row(h, "verdict", v.Describe());
        Row(h, "file", Path.GetFileName(log.Path));
        h.Append("<tr><th>verify again</th><td><code>hipecsafe log verify ").Append(Enc(Path.GetFileName(log.Path))).Append("</code></td></tr>\n");
        h.Append("</table>\n");
    }

    private static void Records(StringBuilder h, IReadOnlyList<HazardLogRecord> records, string none, string[] columns, Func<HazardLogRecord, string[]> cells)
    {
        if (records.Count == 0)
        {
            h.Append("<p>").Append(Enc(none)).Append("</p>\n");
            return;
        }

        h.Append("<table>\n<tr><th>time</th><th>seq</th><th>priority</th>");
        foreach (var c in columns)
        {
            h.Append("<th>").Append(Enc(c)).Append("</th>");
        }

        h.Append("</tr>\n");
        foreach (var r in records)
        {
            h.Append("<tr><td class=\"n\">").Append(Clock(r.ProcedureTime)).Append("</td><td class=\"n\">")
                .Append(r.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Enc(r.Priority.ToString())).Append("</td>");
            foreach (var c in cells(r))
            {
                h.Append("<td>").Append(Enc(c)).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</table>\n");
    }

    private static void Figure(StringBuilder h, string name, string value, string reference, (string Note, bool Ok)? check)
    {
        h.Append("<tr><td>").Append(Enc(name)).Append("</td><td class=\"n\">").Append(Enc(value)).Append("</td><td>").Append(Enc(reference)).Append("</td><td");
        if (check is { } c)
        {
            h.Append(" class=\"").Append(c.Ok ? "ok" : "bad").Append("\">").Append(c.Ok ? "✓ " : "✗ ").Append(Enc(c.Note));
        }
        else
        {
            h.Append('>');
        }

        h.Append("</td></tr>\n");
    }

    private static void Row(StringBuilder h, string name, string value) =>
        h.Append("<tr><th>").Append(Enc(name)).Append("</th><td>").Append(Enc(value)).Append("</td></tr>\n");

    private static string Num(double? value, string format, string unit) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "not reached";

    private static string Clock(TimeSpan t) => ProcedureClock.Format(t);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
