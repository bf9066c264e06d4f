using System.Xml.Linq;
using HipecSafe.Hil.Scenarios;
using HipecSafe.Hil.Scenarios.Reports;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class CampaignTests
{
    [Fact]
    [Verifies("SRS-SC-009")]
    public void A_campaign_runs_in_parallel_and_reports_each_scenario_in_junit_csv_and_html()
    {
        using var folder = new TempFolder();
        var input = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "passes.yaml"), ScenarioRunnerTests.BusLossDuringPriming("passes"));
        // The same fault, but a false expectation: it must fail and say which expectation failed.
        File.WriteAllText(Path.Combine(input, "fails.yaml"), ScenarioRunnerTests.BusLossDuringPriming("fails", "expect:\n  safe_state: forbidden"));
        var problems = new List<string>();
        var scenarios = ScenarioCampaign.LoadAll(ScenarioCampaign.Discover([input], problems), problems);
        Assert.Empty(problems);

        var output = Path.Combine(folder.Path, "out");
        var finished = new List<string>();
        var entries = ScenarioCampaign.Run(scenarios, output, parallel: 2, onFinished: run =>
        {
            lock (finished)
            {
                finished.Add(run.Scenario.Name);
            }
        });
        JUnitReport.Write(entries, Path.Combine(output, "junit.xml"), TimeSpan.FromSeconds(3));
        ResultsCsv.Write(entries, Path.Combine(output, "results.csv"));
        HtmlReport.Write(entries, Path.Combine(output, "report.html"), TimeSpan.FromSeconds(3), s => $"{s.Name}/plot.png");

        Assert.Equal(["fails", "passes"], entries.Select(e => e.Scenario.Name));
        Assert.Equal(["fails", "passes"], finished.Order(StringComparer.Ordinal));
        Assert.Equal([false, true], entries.Select(e => e.Passed));
        Assert.True(File.Exists(Path.Combine(output, "passes", "hazard.log")));
        Assert.True(File.Exists(Path.Combine(output, "fails", "hazard.log")));

        var junit = XDocument.Load(Path.Combine(output, "junit.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(2, cases.Count);
        var failure = Assert.Single(junit.Descendants("failure"));
        Assert.Equal("fails", failure.Parent!.Attribute("name")!.Value);
        Assert.Contains("safe_state", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Equal("1", junit.Descendants("testsuite").Single().Attribute("failures")!.Value);

        var csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("fails,", csv[1], StringComparison.Ordinal);
        Assert.Contains(",false,safe_state,", csv[1], StringComparison.Ordinal);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("1 of 2 passed", html, StringComparison.Ordinal);
        Assert.Contains("passes/plot.png", html, StringComparison.Ordinal);
        Assert.Contains("fails/hazard.log", html, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-009")]
    public void Loading_reports_missing_paths_bad_files_and_duplicate_names_before_anything_runs()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("a.yaml"), ScenarioText.Valid(name: "same"));
        File.WriteAllText(folder.File("b.yaml"), ScenarioText.Valid(name: "same"));
        File.WriteAllText(folder.File("c.yaml"), ScenarioText.Valid(name: "bad").Replace("seed: 7", "seed: x", StringComparison.Ordinal));
        var problems = new List<string>();
        var files = ScenarioCampaign.Discover([folder.Path, folder.File("missing.yaml")], problems);
        ScenarioCampaign.LoadAll(files, problems);

        Assert.Equal(3, files.Count);
        Assert.Contains(problems, p => p.Contains("missing.yaml: no such file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("c.yaml: seed (line 3)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("scenario name 'same' is used by", StringComparison.Ordinal));
    }
}
