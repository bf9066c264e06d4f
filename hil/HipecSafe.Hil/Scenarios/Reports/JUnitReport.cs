using System.Globalization;
using System.Text;
using System.Xml;

namespace HipecSafe.Hil.Scenarios.Reports;

/// <summary>
/// JUnit XML for CI: one test case per scenario; a failed one carries a failure whose message lists the failed
/// expectations (a run error is reported as an error). Measurements go to system-out.
/// </summary>
public static class JUnitReport
{
    public static void Write(IReadOnlyList<CampaignEntry> entries, string path, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        var failures = entries.Count(e => e is { Error: null, Passed: false });
        var errors = entries.Count(e => e.Error is not null);
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", "hipecsafe-scenarios");
        writer.WriteAttributeString("tests", Invariant(entries.Count));
        writer.WriteAttributeString("failures", Invariant(failures));
        writer.WriteAttributeString("errors", Invariant(errors));
        writer.WriteAttributeString("time", Invariant(wallTime.TotalSeconds));
        foreach (var entry in entries)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", "scenarios");
            writer.WriteAttributeString("name", entry.Scenario.Name);
            writer.WriteAttributeString("file", entry.Scenario.Source);
            writer.WriteAttributeString("time", Invariant(entry.Result?.WallTime.TotalSeconds ?? 0));
            if (entry.Error is { } error)
            {
                writer.WriteStartElement("error");
                writer.WriteAttributeString("message", error);
                writer.WriteString(error);
                writer.WriteEndElement();
            }
            else if (!entry.Passed)
            {
                var failed = entry.Result!.Failures;
                writer.WriteStartElement("failure");
                writer.WriteAttributeString("message", $"{failed.Count} expectation(s) failed: {string.Join("; ", failed.Select(f => f.Name))}");
                writer.WriteString(entry.FailureText);
                writer.WriteEndElement();
            }

            if (entry.Result is { } result)
            {
                writer.WriteElementString("system-out", string.Join(Environment.NewLine, result.Outcomes.Select(o => o.ToString())));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
