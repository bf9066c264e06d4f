using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HipecSafe.Cli.Reporting;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Rig;
using Spectre.Console;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe simulate</c>: a whole procedure in lockstep, in process (plant, boards on a virtual Modbus bus, the
/// real controller, the auto operator). A live view on a terminal, one line per phase change otherwise; <c>--json</c>
/// prints only the machine-readable summary; <c>--out DIR</c> writes the procedure record.
/// Exit codes: 0 Complete without safe state, 1 safe state entered or not complete within the limit, 2 bad input.
/// </summary>
internal static class SimulateCommand
{
    public const string HazardLogFileName = "hazard-log.jsonl";

    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(100);

    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "'default' or a profile file", DefaultValueFactory = _ => "default" };
        var seed = new Option<int>("--seed") { Description = "seed of all randomness (sensor noise)", DefaultValueFactory = _ => 1 };
        var limit = new Option<string>("--limit") { Description = "simulated time limit, e.g. 3h or 45m", DefaultValueFactory = _ => "3h" };
        var json = new Option<bool>("--json") { Description = "print only a JSON summary on stdout (phases, heat-up, control errors, maxima, safe state, times)" };
        var outDir = new Option<string?>("--out") { Description = "write the procedure record into this folder: hazard log, CSV time series, PNG plots, HTML report" };
        var command = new Command(
            "simulate",
            "Run a full simulated procedure in lockstep (plant, boards over a virtual Modbus bus, real controller). " +
            "Exit 0: Complete without safe state; 1: safe state or not complete within the limit; 2: bad input.")
        {
            profile, seed, limit, json, outDir,
        };
        command.SetAction(parse => Run(
            parse.GetValue(profile)!, parse.GetValue(seed), parse.GetValue(limit)!, parse.GetValue(json), parse.GetValue(outDir)));
        return command;
    }

    private static int Run(string profileName, int seed, string limitText, bool json, string? outDir)
    {
        TreatmentProfile profile;
        try
        {
            profile = ProfileCommand.Load(profileName);
        }
        catch (ProfileException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (!DurationText.TryParse(limitText, out var limitDuration, out var limitError) || !(limitDuration.Seconds > 0))
        {
            Console.Error.WriteLine($"--limit: {(limitError.Length > 0 ? limitError : $"'{limitText}' must be longer than zero")}");
            return 2;
        }

        var limit = limitDuration.ToTimeSpan();
        string logPath;
        if (outDir is not null)
        {
            if (PrepareRecordFolder(outDir) is { } problem)
            {
                Console.Error.WriteLine($"--out {outDir}: {problem}");
                return 2;
            }

            logPath = Path.Combine(outDir, HazardLogFileName);
        }
        else
        {
            logPath = Path.Combine(Path.GetTempPath(), $"hipecsafe-sim-{Environment.ProcessId}.jsonl");
        }

        var metrics = new ProcedureMetrics(profile, PlantParameters.Default);
        using var recorder = outDir is null ? null : new ProcedureRecorder(outDir);
        var wall = Stopwatch.StartNew();
        var live = !json && !Console.IsOutputRedirected;
        using (var rig = new SimulationRig(new RigOptions(profile, seed, logPath)))
        {
            void Observe(RigCycle c)
            {
                metrics.Observe(c);
                recorder?.Observe(c);
            }

            if (live)
            {
                RunLive(rig, profile, seed, limit, Observe);
            }
            else
            {
                Phase? lastPhase = null;
                ProcedureRunner.Run(rig, limit, c =>
                {
                    Observe(c);
                    if (!json && c.Report is { } r && r.Phase != lastPhase)
                    {
                        lastPhase = r.Phase;
                        Console.Out.WriteLine(PhaseLine(c));
                    }
                });
            }
        }

        wall.Stop();
        recorder?.Flush();
        var digest = HazardLogDigest.Read(logPath);
        var summary = new SimulationSummary(profile.Name, seed, metrics, wall.Elapsed.TotalSeconds, digest);
        if (outDir is not null && recorder is not null)
        {
            WriteRecord(outDir, summary, profile, digest, recorder);
        }

        if (json)
        {
            Console.Out.WriteLine(summary.ToJson());
        }
        else
        {
            Console.Out.Write(metrics.Describe());
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ended in {summary.EndPhase} at {ProcedureClock.Format(metrics.SimulatedTime)} simulated, {summary.WallSeconds:0.00} s wall; " +
                $"hazard log {logPath} ({digest.Verification.Status}, {digest.Verification.RecordCount} records, last hash {digest.Verification.LastHash})"));
            if (outDir is not null)
            {
                Console.Out.WriteLine($"procedure record in {Path.GetFullPath(outDir)} (open {ProcedureReportHtml.FileName})");
            }
        }

        return summary.Succeeded ? 0 : 1;
    }

    private static void RunLive(SimulationRig rig, TreatmentProfile profile, int seed, TimeSpan limit, Action<RigCycle> observe)
    {
        var view = new LiveProcedureView(profile, seed, limit);
        var sinceRefresh = Stopwatch.StartNew();
        AnsiConsole.Live(view.Render(null)).AutoClear(false).Start(ctx =>
        {
            var last = ProcedureRunner.Run(rig, limit, c =>
            {
                observe(c);
                // Redraw at most 10 times a second of wall time: the simulation runs far faster than a terminal.
                if (sinceRefresh.Elapsed >= LiveRefresh || c.Report is { Phase: Phase.Complete or Phase.SafeState or Phase.EmergencyStop })
                {
                    sinceRefresh.Restart();
                    ctx.UpdateTarget(view.Render(c));
                }
            });
            ctx.UpdateTarget(view.Render(last));
        });
    }

    /// <summary>Creates the folder; refuses one that already holds a record (a hazard log must never be appended to by another run).</summary>
    private static string? PrepareRecordFolder(string dir)
    {
        try
        {
            if (File.Exists(dir))
            {
                return "is a file, not a folder";
            }

            Directory.CreateDirectory(dir);
            var existing = new[] { HazardLogFileName, ProcedureRecorder.CsvFileName, ProcedureReportHtml.FileName }
                .FirstOrDefault(f => File.Exists(Path.Combine(dir, f)));
            return existing is null ? null : $"already holds a procedure record ({existing}); choose an empty or new folder";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot create the folder: {ex.Message}";
        }
    }

    private static void WriteRecord(string dir, SimulationSummary summary, TreatmentProfile profile, HazardLogDigest digest, ProcedureRecorder recorder)
    {
        var plots = ProcedurePlots.Write(dir, recorder.Samples, profile, PlantParameters.Default.HeaterMaxPower.Watts)
            .Select(p => Path.Combine(dir, p)).ToList();
        File.WriteAllText(Path.Combine(dir, "summary.json"), summary.ToJson() + "\n");
        var files = new List<string> { ProcedureReportHtml.FileName, HazardLogFileName, ProcedureRecorder.CsvFileName, "summary.json" };
        files.AddRange(plots.Select(Path.GetFileName)!);
        ProcedureReportHtml.Write(Path.Combine(dir, ProcedureReportHtml.FileName), summary, profile, digest, plots, files);
    }

    private static string PhaseLine(RigCycle c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Time:hh\\:mm\\:ss} {c.Report?.Phase,-15} abdomen max {c.Truth.AbdomenMax} inflow {c.Truth.InflowTemperature} core {c.Truth.CoreTemperature}");
}
