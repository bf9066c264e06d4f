using System.Globalization;
using System.Net;
using System.Text;

namespace HipecSafe.Hil.Scenarios.Reports;

/// <summary>
/// <c>report.html</c>: a summary table (verdict, fault, time to safe state, truth maxima) and, per scenario, its plot,
/// every expectation with what was measured, the hazard-log findings after the onset and a link to its hazard log.
/// </summary>
public static class HtmlReport
{
    /// <param name="plotOf">The plot file of a scenario relative to the report (null: no plot).</param>
    public static void Write(IReadOnlyList<CampaignEntry> entries, string path, TimeSpan wallTime, Func<Scenario, string?> plotOf)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(plotOf);
        var h = new StringBuilder();
        var passed = entries.Count(e => e.Passed);
        h.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HipecSafe scenario campaign</title><style>");
        h.AppendLine("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 6px;font-size:13px;vertical-align:top}");
        h.AppendLine(".pass{background:#d9f2d9}.fail{background:#f7d4d4}img{max-width:100%;border:1px solid #ccc}section{margin-top:2em}code{font-size:12px}");
        h.AppendLine("</style></head><body>");
        h.AppendLine(Invariant($"<h1>Scenario campaign: {passed} of {entries.Count} passed</h1><p>Wall time {wallTime.TotalSeconds:0.0} s. Safe state = heater physically off (relay open, no power delivered) held by a latching protection (SafeState phase, an active heater-off interlock, or a board latch); times from the first fault onset.</p>"));
        h.AppendLine("<table><tr><th>scenario</th><th>result</th><th>faults</th><th>onset</th><th>time to safe state</th><th>held safe by</th><th>max abdomen / inflow / core °C</th><th>end</th><th>failed expectations</th></tr>");
        foreach (var e in entries)
        {
            var o = e.Result?.Observed;
            h.Append(Invariant($"<tr class=\"{(e.Passed ? "pass" : "fail")}\"><td><a href=\"#{e.Scenario.Name}\">{Enc(e.Scenario.Name)}</a></td><td>{(e.Passed ? "pass" : e.Error is null ? "FAIL" : "ERROR")}</td>"));
            h.Append(Invariant($"<td>{Enc(string.Join("; ", e.Scenario.Faults.Select(f => f.Describe())))}</td>"));
            h.Append(Invariant($"<td>{Enc(o?.FaultOnset is { } on ? ScenarioTime.Clock(on) : "")}</td><td>{Enc(o?.TimeToSafeState is { } t ? ScenarioTime.Span(t) : "")}</td>"));
            h.Append(Invariant($"<td>{Enc(o?.SafeStateAfterOnset is { } s ? $"{s.Cause}; pump {(s.PumpRunning ? "running" : "stopped")}" : "")}</td>"));
            h.Append(Invariant($"<td>{(o is null ? "" : $"{o.MaxAbdomenC:0.00} / {o.MaxInflowC:0.00} / {o.MaxCoreC:0.00}")}</td>"));
            h.Append(Invariant($"<td>{Enc(o is null ? "" : $"{o.EndPhase} at {ScenarioTime.Clock(o.EndTime)}")}</td>"));
            h.AppendLine(Invariant($"<td>{Enc(e.Error ?? string.Join(", ", e.Result!.Failures.Select(f => f.Name)))}</td></tr>"));
        }

        h.AppendLine("</table>");
        foreach (var e in entries)
        {
            h.AppendLine(Invariant($"<section id=\"{e.Scenario.Name}\"><h2>{Enc(e.Scenario.Name)} — {(e.Passed ? "pass" : "FAIL")}</h2>"));
            h.AppendLine(Invariant($"<p><code>{Enc(e.Scenario.Source)}</code>, seed {e.Scenario.Seed}, profile {Enc(e.Scenario.ProfileReference)}, <a href=\"{Enc(e.Scenario.Name)}/hazard.log\">hazard log</a></p>"));
            if (plotOf(e.Scenario) is { } plot)
            {
                h.AppendLine(Invariant($"<img src=\"{Enc(plot)}\" alt=\"{Enc(e.Scenario.Name)} time series\">"));
            }

            if (e.Error is { } error)
            {
                h.AppendLine(Invariant($"<p class=\"fail\">Run error: {Enc(error)}</p>"));
            }

            if (e.Result is { } r)
            {
                h.AppendLine("<table><tr><th>expectation</th><th>result</th><th>expected</th><th>measured</th></tr>");
                foreach (var outcome in r.Outcomes)
                {
                    h.AppendLine(Invariant($"<tr class=\"{(outcome.Passed ? "pass" : "fail")}\"><td>{Enc(outcome.Name)}</td><td>{(outcome.Passed ? "pass" : "FAIL")}</td><td>{Enc(outcome.Expected)}</td><td>{Enc(outcome.Measured)}</td></tr>"));
                }

                h.AppendLine("</table>");
                var findings = r.Observed.FindingsAfterOnset;
                if (findings.Count > 0)
                {
                    h.AppendLine("<p>Hazard-log findings after the onset:</p><ul>");
                    foreach (var f in findings.Take(20))
                    {
                        h.AppendLine(Invariant($"<li><code>{Enc(f.ToString())}</code></li>"));
                    }

                    h.AppendLine(findings.Count > 20 ? Invariant($"<li>… {findings.Count - 20} more</li></ul>") : "</ul>");
                }
            }

            h.AppendLine("</section>");
        }

        h.AppendLine("</body></html>");
        File.WriteAllText(path, h.ToString(), new UTF8Encoding(false));
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
