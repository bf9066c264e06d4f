using System.Net;
using System.Text;
using HipecSafe.Core.Requirements;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// The traceability matrix as one self-contained HTML page: hazard rows link to their requirement rows, every
/// requirement shows its text, and gaps (no test, no scenario) are highlighted so a reviewer sees them at a glance.
/// </summary>
internal static class TraceMatrixHtml
{
    public const string FileName = "traceability-matrix.html";

    public static string Render(TraceReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HipecSafe traceability matrix</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%;margin-bottom:2em}" +
            "th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-size:13px}th{background:#eee;position:sticky;top:0}" +
            ".gap{background:#fdd}.ok{color:#060}.bad{color:#b00}code{font-size:12px}</style></head><body>");
        html.AppendLine("<h1>HipecSafe traceability matrix</h1>");
        html.AppendLine($"<p>{Enc(report.Summary)}</p>");
        html.AppendLine(report.Passed
            ? "<p class=\"ok\"><b>Trace check passed.</b></p>"
            : $"<p class=\"bad\"><b>Trace check FAILED: {report.Orphans.Count} orphan(s).</b></p><ul>{string.Concat(report.Orphans.Select(o => $"<li>{Enc(o)}</li>"))}</ul>");

        html.AppendLine("<h2>Hazards</h2><table><tr><th>hazard</th><th>harm</th><th>requirements</th><th>interlock rules</th><th>tests</th><th>scenarios</th></tr>");
        foreach (var h in report.Matrix.Hazards)
        {
            html.Append($"<tr id=\"{h.Hazard.Id}\"><td><b>{h.Hazard.Id}</b> {Enc(h.Hazard.Title)}</td><td>{Enc(h.Hazard.Harm)}</td>");
            html.Append(Cell(h.Requirements.Count == 0, string.Join(" ", h.Requirements.Select(r => $"<a href=\"#{r}\">{r}</a>"))));
            html.Append($"<td>{Enc(string.Join(", ", h.Controls.Select(c => c.Item)))}</td><td>{h.Tests}</td>");
            html.AppendLine(Cell(h.Scenarios.Count == 0, Enc(string.Join(", ", h.Scenarios))) + "</tr>");
        }

        html.AppendLine("</table><h2>Requirements</h2><table><tr><th>requirement</th><th>text</th><th>verification</th><th>hazards</th><th>design items</th><th>tests</th><th>scenarios</th></tr>");
        foreach (var r in report.Matrix.Requirements)
        {
            var req = r.Requirement;
            var byTest = req.Verification == VerificationMethod.Test;
            html.Append($"<tr id=\"{req.Id}\"><td><b>{req.Id}</b><br><small>{Enc(req.File)}</small></td><td>{Enc(req.Text)}</td>");
            html.Append($"<td>{(byTest ? "test" : Enc($"{req.Verification.ToString().ToLowerInvariant()}: {req.Evidence}"))}</td>");
            html.Append($"<td>{string.Join(" ", req.Hazards.Select(h => $"<a href=\"#{h}\">{h}</a>"))}</td>");
            html.Append($"<td>{string.Join("<br>", r.DesignItems.Select(d => Enc($"{d.Kind} {d.Item}")))}</td>");
            html.Append(Cell(byTest && r.Tests.Count == 0, string.Join("<br>", r.Tests.Select(t => $"<code>{Enc(t.TestName)}</code> <small>{Enc(t.File)}:{t.Line}</small>"))));
            html.AppendLine($"<td>{Enc(string.Join(", ", r.Scenarios))}</td></tr>");
        }

        html.AppendLine("</table></body></html>");
        return html.ToString();
    }

    private static string Cell(bool gap, string content) => gap ? $"<td class=\"gap\">{(content.Length == 0 ? "none" : content)}</td>" : $"<td>{content}</td>";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
