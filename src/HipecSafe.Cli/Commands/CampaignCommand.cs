using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Scenarios;
using HipecSafe.Hil.Scenarios.Reports;
using ScottPlot;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe campaign PATH... --out DIR [--parallel N]</c>: runs fault-injection scenarios (files, or folders of
/// <c>*.yaml</c>) in parallel, each deterministic from its seed, and writes <c>DIR/junit.xml</c>,
/// <c>DIR/results.csv</c>, <c>DIR/report.html</c> with one plot per scenario (<c>DIR/&lt;name&gt;/plot.png</c>) and each
/// scenario's hazard log (<c>DIR/&lt;name&gt;/hazard.log</c>). <c>--generate N --seed S</c> first writes N randomized
/// scenarios to <c>DIR/generated/</c> and runs them too. Exit 0 = every expectation held, 1 = some failed, 2 = bad input.
/// </summary>
internal static class CampaignCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "scenario files or folders of *.yaml", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "output folder (junit.xml, results.csv, report.html, <name>/...)", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "scenarios run at once (default: processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var generate = new Option<int>("--generate") { Description = "write this many randomized scenarios to OUT/generated/ and run them" };
        var seed = new Option<int>("--seed") { Description = "seed of --generate", DefaultValueFactory = _ => 1 };
        var command = new Command("campaign", "Run fault-injection scenarios in lockstep and report every expectation (JUnit, CSV, HTML with plots)")
        {
            paths, output, parallel, generate, seed,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(output)!, parse.GetValue(parallel), parse.GetValue(generate), parse.GetValue(seed)));
        return command;
    }

    private static int Run(string[] paths, string outDir, int parallel, int generate, int seed)
    {
        if (parallel < 1)
        {
            Console.Error.WriteLine($"--parallel must be at least 1 (got {parallel})");
            return 2;
        }

        if (generate < 0)
        {
            Console.Error.WriteLine($"--generate must be 0 or more (got {generate})");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var sources = paths.ToList();
        IReadOnlyList<GeneratedScenario> generated = [];
        if (generate > 0)
        {
            var folder = Path.Combine(outDir, "generated");
            Directory.CreateDirectory(folder);
            foreach (var old in Directory.EnumerateFiles(folder, "*.yaml"))
            {
                File.Delete(old);
            }

            generated = ScenarioGenerator.Generate(generate, seed);
            foreach (var g in generated)
            {
                File.WriteAllText(Path.Combine(folder, g.FileName), g.Yaml);
            }

            Console.Out.WriteLine($"generated {generate} scenarios (seed {seed}) in {folder}");
            sources.Add(folder);
        }

        if (sources.Count == 0)
        {
            Console.Error.WriteLine("nothing to run: give scenario files or folders, or --generate N");
            return 2;
        }

        var problems = new List<string>();
        var scenarios = ScenarioCampaign.LoadAll(ScenarioCampaign.Discover(sources, problems), problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Error.WriteLine($"{problems.Count} problem(s): no scenario was run");
            return 2;
        }

        Console.Out.WriteLine($"running {scenarios.Count} scenarios, {parallel} at a time → {Path.GetFullPath(outDir)}");
        var wall = Stopwatch.StartNew();
        var console = new object();
        var entries = ScenarioCampaign.Run(scenarios, outDir, parallel,
            onFinished: run => TryPlot(run, Path.Combine(outDir, run.Scenario.Name, "plot.png"), console),
            onEntry: entry =>
            {
                lock (console)
                {
                    Console.Out.WriteLine(Line(entry));
                }
            });
        wall.Stop();

        JUnitReport.Write(entries, Path.Combine(outDir, "junit.xml"), wall.Elapsed);
        ResultsCsv.Write(entries, Path.Combine(outDir, "results.csv"));
        AlarmDelayReport.Write(entries, Path.Combine(outDir, AlarmDelayReport.FileName));
        HtmlReport.Write(entries, Path.Combine(outDir, "report.html"), wall.Elapsed,
            s => File.Exists(Path.Combine(outDir, s.Name, "plot.png")) ? $"{s.Name}/plot.png" : null);

        if (generated.Count > 0)
        {
            // The generated scenarios carry the oracle's verdict: report them by class (detections held and missed, false
            // trips, limit breaches) with every miss listed.
            var rows = GeneratedCampaignReport.Rows(generated, entries);
            var command = $"hipecsafe campaign {string.Join(' ', paths.Select(p => p + " "))}--generate {generate} --seed {seed} --parallel {parallel} --out {outDir}";
            File.WriteAllText(Path.Combine(outDir, GeneratedCampaignReport.FileName), GeneratedCampaignReport.Markdown(rows, command, wall.Elapsed));
            var summary = GeneratedCampaignReport.Summarize(rows);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated: {summary.DetectionsHeld} of {summary.DetectionsRequired} required detections held, {summary.DetectionsMissed} missed; {summary.FalseTrips} false trips; {summary.LimitBreaches} limit breaches; {summary.NeverEntersBroken} phases entered that must not be; {summary.OtherFailures} other failures → {Path.Combine(outDir, GeneratedCampaignReport.FileName)}"));
        }

        var failed = entries.Where(e => !e.Passed).ToList();
        foreach (var entry in failed)
        {
            Console.Out.WriteLine($"FAILED {entry.Scenario.Name} ({entry.Scenario.Source}):");
            foreach (var line in entry.FailureText.Split(Environment.NewLine))
            {
                Console.Out.WriteLine("  " + line);
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entries.Count - failed.Count} of {entries.Count} scenarios passed in {wall.Elapsed.TotalSeconds:0.0} s wall; report {Path.Combine(outDir, "report.html")}"));
        return failed.Count == 0 ? 0 : 1;
    }

    /// <summary>A plot that cannot be drawn is reported but does not change the scenario's verdict (the report just lacks it).</summary>
    private static void TryPlot(ScenarioRun run, string path, object console)
    {
        try
        {
            ScenarioPlot.Save(run, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            lock (console)
            {
                Console.Error.WriteLine($"warning: no plot for {run.Scenario.Name}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static string Line(CampaignEntry entry)
    {
        if (entry.Result is not { } r)
        {
            return $"ERROR {entry.Scenario.Name}: {entry.Error}";
        }

        var o = r.Observed;
        var safe = o.TimeToSafeState is { } t ? $"safe state {ScenarioTime.Span(t)} after onset ({o.SafeStateAfterOnset!.Cause})"
            : o.FirstSafeState is { } f ? $"safe state at {ScenarioTime.Clock(f.Time)} ({f.Cause})"
            : "no safe state";
        return string.Create(CultureInfo.InvariantCulture,
            $"{(r.Passed ? "pass" : "FAIL")} {r.Name}: {safe}; ended {o.EndPhase} at {ScenarioTime.Clock(o.EndTime)}; max abdomen {o.MaxAbdomenC:0.00} inflow {o.MaxInflowC:0.00} core {o.MaxCoreC:0.00} °C [{r.WallTime.TotalSeconds:0.0} s]");
    }

    /// <summary>One PNG per scenario: temperatures, flow, line pressure and heater over time, phase bands, fault onset and safe-state lines.</summary>
    private static class ScenarioPlot
    {
        private static readonly Dictionary<Phase, string> PhaseColors = new()
        {
            [Phase.PowerOnSelfTest] = "#9e9e9e",
            [Phase.Standby] = "#bdbdbd",
            [Phase.Priming] = "#90caf9",
            [Phase.Heating] = "#ffcc80",
            [Phase.ReadyForChemo] = "#fff59d",
            [Phase.ChemoPerfusion] = "#ef9a9a",
            [Phase.Washout] = "#80deea",
            [Phase.Draining] = "#a5d6a7",
            [Phase.Complete] = "#c5e1a5",
            [Phase.Paused] = "#ce93d8",
            [Phase.SafeState] = "#ff5252",
            [Phase.EmergencyStop] = "#d50000",
            [Phase.Interrupted] = "#ff8a65",
        };

        public static void Save(ScenarioRun run, string path)
        {
            var series = run.Series;
            if (series.Count == 0)
            {
                return;
            }

            var minutes = series.Select(s => s.TimeSeconds / 60.0).ToArray();
            var observed = run.Result.Observed;
            var multiplot = new Multiplot();
            multiplot.AddPlots(4);
            var plots = multiplot.GetPlots();

            var temps = plots[0];
            temps.Title($"{run.Scenario.Name} — {(run.Result.Passed ? "pass" : "FAIL")}");
            temps.YLabel("°C (truth)");
            Line(temps, minutes, series.Select(s => s.AbdomenMaxC), "abdomen max", "#c62828");
            Line(temps, minutes, series.Select(s => s.InflowC), "inflow", "#ef6c00");
            Line(temps, minutes, series.Select(s => s.CoreC), "core", "#6a1b9a");
            var limits = run.Scenario.Expect.Limits;
            Limit(temps, limits.AbdomenMaxC, "#c62828");
            Limit(temps, limits.InflowMaxC, "#ef6c00");
            Limit(temps, limits.CoreMaxC, "#6a1b9a");
            temps.ShowLegend(Alignment.UpperLeft);

            var flow = plots[1];
            flow.YLabel("flow L/min");
            Line(flow, minutes, series.Select(s => s.FlowLPerMin), "inflow flow", "#1565c0");
            // Phase names along the top of the flow panel, above the highest flow.
            var labelY = Math.Max(0.5, series.Max(s => s.FlowLPerMin)) * 1.25;
            flow.Axes.SetLimitsY(Math.Min(0, series.Min(s => s.FlowLPerMin)), labelY * 1.05);

            var pressure = plots[2];
            pressure.YLabel("line mmHg");
            Line(pressure, minutes, series.Select(s => s.LinePressureMmHg), "line pressure", "#2e7d32");

            var heater = plots[3];
            heater.YLabel("heater ‰ / pump rpm");
            heater.XLabel("time (min)");
            Line(heater, minutes, series.Select(s => (double)s.HeaterCommandPermille), "heater command ‰", "#ad1457");
            // What the plant really received, on the same scale: a stuck driver or welded relay shows up as the gap.
            var maxWatts = Hil.Plant.PlantParameters.Default.HeaterMaxPower.Watts;
            Line(heater, minutes, series.Select(s => s.HeaterDeliveredW / maxWatts * 1000), "heater delivered ‰ (truth)", "#ff8f00");
            Line(heater, minutes, series.Select(s => s.PumpCommandRpm), "pump command rpm", "#00838f");
            heater.ShowLegend(Alignment.UpperLeft);

            foreach (var plot in plots)
            {
                PhaseBands(plot, series, plot == flow ? labelY : null);
                if (observed.FaultOnset is { } onset)
                {
                    Marker(plot, onset, "#d50000", plot == temps ? "fault onset" : null);
                }

                if (observed.SafeStateAfterOnset is { } safe)
                {
                    Marker(plot, safe.Time, "#00c853", plot == temps ? "safe state" : null);
                }
            }

            multiplot.SharedAxes.ShareX(plots);
            multiplot.SavePng(path, 1400, 1100);
        }

        private static void Line(Plot plot, double[] x, IEnumerable<double> y, string label, string color)
        {
            var line = plot.Add.SignalXY(x, y.ToArray());
            line.LegendText = label;
            line.Color = Color.FromHex(color);
            line.LineWidth = 1.5f;
        }

        private static void Limit(Plot plot, double? value, string color)
        {
            if (value is { } v)
            {
                var line = plot.Add.HorizontalLine(v, 1, Color.FromHex(color), LinePattern.Dotted);
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"limit {v:0.0} °C");
            }
        }

        private static void Marker(Plot plot, TimeSpan at, string color, string? label)
        {
            var line = plot.Add.VerticalLine(at.TotalMinutes, 1.5f, Color.FromHex(color), LinePattern.Dashed);
            if (label is not null)
            {
                line.LegendText = label;
            }
        }

        /// <summary>A light band per stretch of one phase, drawn behind the data.</summary>
        /// <param name="labelY">Where to write the phase names (null: no names).</param>
        private static void PhaseBands(Plot plot, IReadOnlyList<ScenarioSample> series, double? labelY)
        {
            var total = Math.Max(series[^1].TimeSeconds / 60.0, 1e-3);
            var start = 0;
            for (var i = 1; i <= series.Count; i++)
            {
                if (i < series.Count && series[i].Phase == series[start].Phase)
                {
                    continue;
                }

                var from = series[start].TimeSeconds / 60.0;
                var to = series[i - 1].TimeSeconds / 60.0;
                var span = plot.Add.HorizontalSpan(from, Math.Max(to, from + 1e-3), Color.FromHex(PhaseColors[series[start].Phase]).WithAlpha(0.25));
                span.LineStyle.Width = 0;
                plot.MoveToBack(span);
                if (labelY is { } y && to - from >= total * 0.015)
                {
                    var text = plot.Add.Text(series[start].Phase.ToString(), from, y);
                    text.LabelFontSize = 10;
                    text.LabelAlignment = Alignment.UpperLeft;
                }

                start = i;
            }
        }
    }
}
