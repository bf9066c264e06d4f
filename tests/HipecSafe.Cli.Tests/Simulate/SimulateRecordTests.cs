using System.Globalization;
using System.Text.Json;
using HipecSafe.Cli.Reporting;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Cli.Tests.Simulate;

/// <summary>
/// A short complete procedure through <c>hipecsafe simulate --json --out DIR</c> (the real CLI as a child process):
/// the JSON summary, the exit code, every file of the procedure record, and the hazard log behind the report.
/// </summary>
public sealed class SimulateRecordTests(ShortProcedureRecord run) : IClassFixture<ShortProcedureRecord>
{
    private static readonly string[] NormalPhases =
        ["PowerOnSelfTest", "Standby", "Priming", "Heating", "ReadyForChemo", "ChemoPerfusion", "Washout", "Draining", "Complete"];

    private JsonElement Root => run.Json.RootElement;

    private string Diagnostics => $"exit {run.Result.ExitCode}\nstdout:\n{run.Result.Stdout}\nstderr:\n{run.Result.Stderr}";

    private double Number(string name)
    {
        Assert.True(Root.TryGetProperty(name, out var value), $"JSON summary lacks '{name}'\n{Diagnostics}");
        Assert.True(value.ValueKind == JsonValueKind.Number, $"'{name}' is {value.ValueKind}, expected a number\n{Diagnostics}");
        return value.GetDouble();
    }

    [Fact]
    [Verifies("SRS-OP-001")]
    public void Json_summary_lists_every_phase_reached_in_order_with_increasing_times()
    {
        var phases = Root.GetProperty("phases").EnumerateArray().ToList();

        Assert.Equal(NormalPhases, phases.Select(p => p.GetProperty("phase").GetString()));
        var times = phases.Select(p => p.GetProperty("at_seconds").GetDouble()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(Number("simulated_seconds"), times[^1], precision: 1);
    }

    [Fact]
    [Verifies("SRS-OP-001")]
    public void Json_summary_has_every_figure_with_a_physically_sane_value()
    {
        var heatup = Number("heatup_seconds");
        Assert.InRange(heatup, 60, 3600);
        Assert.True(heatup >= Number("heatup_bound_seconds"), "no controller can heat faster than full power from the start");
        var errorMax = Number("inflow_error_max_c");
        var errorRms = Number("inflow_error_rms_c");
        Assert.InRange(errorMax, 1e-6, 1.0);
        Assert.InRange(errorRms, 1e-6, errorMax);
        Assert.InRange(Number("flow_error_max_pct"), 0, 10);
        Assert.InRange(Number("abdomen_max_c"), 41.0, 43.5);
        Assert.InRange(Number("core_max_c"), 36.5, 39.5);
        Assert.Equal(JsonValueKind.False, Root.GetProperty("safe_state_entered").ValueKind);
        Assert.InRange(Number("simulated_seconds"), 30 * 60, 60 * 60);
        Assert.InRange(Number("wall_seconds"), 1e-3, 300);
        // 30 min of chemo, within one cycle.
        // The short profile's chemo time: counted by the controller only while the clock runs (SRS-PH-022), to the cycle.
        Assert.Equal(1800, Number("chemo_seconds"), precision: 0);
        Assert.InRange(Number("chemo_clock_held_seconds"), 0, 3600);
    }

    [Fact]
    [Verifies("SRS-OP-002")]
    public void A_complete_procedure_without_safe_state_exits_0()
    {
        Assert.True(run.Result.ExitCode == 0, Diagnostics);
        Assert.Equal("Complete", Root.GetProperty("end_phase").GetString());
        Assert.True(Root.GetProperty("completed").GetBoolean());
    }

    [Fact]
    [Verifies("SRS-OP-003")]
    public void Record_folder_holds_the_log_the_csv_the_plots_the_summary_and_the_report()
    {
        string[] expected = [SimulateFiles.HazardLog, "time-series.csv", "temperatures.png", "flow.png", "pressure.png", "heater.png", "summary.json", "report.html"];

        foreach (var name in expected)
        {
            var path = Path.Combine(run.RecordDirectory, name);
            Assert.True(File.Exists(path), $"{name} missing from the record\n{Diagnostics}");
            Assert.True(new FileInfo(path).Length > 100, $"{name} is nearly empty");
        }

        foreach (var png in expected.Where(n => n.EndsWith(".png", StringComparison.Ordinal)))
        {
            var head = File.ReadAllBytes(Path.Combine(run.RecordDirectory, png)).AsSpan(0, 8).ToArray();
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RecordDirectory, "summary.json")));
        Assert.Equal(Root.GetProperty("heatup_seconds").GetDouble(), summary.RootElement.GetProperty("heatup_seconds").GetDouble());
    }

    [Fact]
    [Verifies("SRS-OP-003")]
    public void Csv_has_one_row_per_cycle_with_truth_measurements_and_commands()
    {
        var lines = File.ReadAllLines(Path.Combine(run.RecordDirectory, "time-series.csv"));
        var header = lines[0].Split(',');
        foreach (var column in new[] { "time_s", "phase", "truth_inflow_c", "measured_inflow_a_c", "truth_abdomen_max_c", "measured_abdomen1_c", "truth_core_c", "measured_core_c",
                     "truth_flow_l_min", "measured_flow_l_min", "truth_line_pressure_mmhg", "measured_line_pressure_mmhg", "command_heater_permille", "command_pump_rpm", "command_clamp_open" })
        {
            Assert.Contains(column, header);
        }

        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        // A 10 Hz controller: one row per 0.1 s of simulated time.
        Assert.Equal((int)Math.Round(Number("simulated_seconds") * 10), rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        var time = Array.IndexOf(header, "time_s");
        var phase = Array.IndexOf(header, "phase");
        Assert.Equal(0.1, double.Parse(rows[0][time], CultureInfo.InvariantCulture), precision: 6);
        Assert.Equal(NormalPhases, rows.Select(r => r[phase]).Distinct());
        var pump = Array.IndexOf(header, "command_pump_rpm");
        Assert.Contains(rows, r => double.Parse(r[pump], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    [Verifies("SRS-OP-003")]
    public void Html_report_names_every_phase_reached_with_its_time_and_the_key_figures()
    {
        var html = File.ReadAllText(Path.Combine(run.RecordDirectory, "report.html"));

        foreach (var p in Root.GetProperty("phases").EnumerateArray())
        {
            var name = p.GetProperty("phase").GetString()!;
            var at = ProcedureClock.Format(TimeSpan.FromSeconds(p.GetProperty("at_seconds").GetDouble()));
            Assert.Contains($"<td>{name}</td><td class=\"n\">{at}</td>", html, StringComparison.Ordinal);
        }

        foreach (var heading in new[] { "Key figures", "Alarms (hazard log)", "Interlock trips (hazard log)", "Hazard log integrity", "Plots" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("heat-up", html, StringComparison.Ordinal);
        Assert.Contains("inflow error during chemo", html, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "src=\"data:image/png;base64,"));
    }

    [Fact]
    [Verifies("SRS-OP-004")]
    public void Hazard_log_in_the_record_verifies_intact_and_report_and_summary_quote_its_last_hash()
    {
        var logPath = Path.Combine(run.RecordDirectory, SimulateFiles.HazardLog);
        VerificationResult result;
        using (var stream = File.OpenRead(logPath))
        {
            result = HazardLogVerifier.Verify(stream);
        }

        Assert.True(result.IsIntact, result.Describe());
        var log = Root.GetProperty("hazard_log");
        Assert.Equal("Intact", log.GetProperty("status").GetString());
        Assert.Equal(result.LastHash, log.GetProperty("last_hash").GetString());
        Assert.Equal(result.RecordCount, log.GetProperty("records").GetInt64());
        var html = File.ReadAllText(Path.Combine(run.RecordDirectory, "report.html"));
        Assert.Contains(result.LastHash, html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"ok\">Intact</td>", html, StringComparison.Ordinal);

        var verify = CliProcess.Run(run.Folder, "log", "verify", logPath);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains(result.LastHash, verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-OP-003")]
    public void Html_report_lists_the_phase_transitions_the_hazard_log_recorded()
    {
        var html = File.ReadAllText(Path.Combine(run.RecordDirectory, "report.html"));
        var transitions = new List<PhaseTransitionEntry>();
        using (var stream = File.OpenRead(Path.Combine(run.RecordDirectory, SimulateFiles.HazardLog)))
        {
            HazardLogVerifier.Verify(stream, r =>
            {
                if (r.Entry is PhaseTransitionEntry t)
                {
                    transitions.Add(t);
                }
            });
        }

        Assert.NotEmpty(transitions);
        Assert.All(transitions, t => Assert.Contains($"<td>{t.RequirementId}</td>", html, StringComparison.Ordinal));
    }
}

/// <summary>File names of the procedure record the tests look for.</summary>
internal static class SimulateFiles
{
    public const string HazardLog = "hazard-log.jsonl";
}
