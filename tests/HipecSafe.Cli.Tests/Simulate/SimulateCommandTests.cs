using System.Text.Json;
using HipecSafe.Cli.Reporting;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Rig;
using HipecSafe.TestSupport;
using Spectre.Console;

namespace HipecSafe.Cli.Tests.Simulate;

/// <summary>
/// <c>hipecsafe simulate</c> on short runs and bad input (the real CLI as a child process, so stdout is a pipe, not a
/// terminal), and the live view rendered in process.
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hipecsafe-simulate-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    [Verifies("SRS-OP-001", "SRS-OP-002")]
    public void A_run_stopped_by_the_limit_exits_1_and_reports_unreached_figures_as_null()
    {
        var result = CliProcess.Run(_dir, "simulate", "--limit", "2m", "--json");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("completed").GetBoolean());
        Assert.Equal("Heating", root.GetProperty("end_phase").GetString());
        foreach (var unreached in new[] { "heatup_seconds", "inflow_error_max_c", "inflow_error_rms_c", "flow_error_max_pct" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(unreached).ValueKind);
        }

        Assert.Equal(120.0, root.GetProperty("simulated_seconds").GetDouble(), precision: 1);
    }

    [Fact]
    [Verifies("SRS-OP-006")]
    public void Without_a_terminal_it_prints_one_plain_line_per_phase_change()
    {
        var result = CliProcess.Run(_dir, "simulate", "--limit", "1m");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.DoesNotContain('\u001b', result.Stdout);
        var phaseLines = result.Stdout.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\d:\d\d:\d\d ")).ToList();
        Assert.Equal(["PowerOnSelfTest", "Standby", "Priming", "Heating"], phaseLines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Contains("ended in Heating", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-OP-005", "SRS-OP-002")]
    public void Refuses_an_out_folder_that_already_holds_a_procedure_record()
    {
        var record = Path.Combine(_dir, "record");
        Directory.CreateDirectory(record);
        var log = Path.Combine(record, "hazard-log.jsonl");
        File.WriteAllText(log, "another run's log\n");

        var result = CliProcess.Run(_dir, "simulate", "--limit", "1m", "--out", record);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("hazard-log.jsonl", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("another run's log\n", File.ReadAllText(log));
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [Verifies("SRS-OP-002")]
    [InlineData("soon", "'soon' is not a duration")]
    [InlineData("0s", "must be longer than zero")]
    public void A_bad_limit_exits_2_naming_the_option_and_the_value(string limit, string message)
    {
        var result = CliProcess.Run(_dir, "simulate", "--limit", limit, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    [Verifies("SRS-OP-002")]
    public void A_profile_that_fails_its_bounds_exits_2_naming_the_field()
    {
        var path = Path.Combine(_dir, "hot.yaml");
        File.WriteAllText(path, ProfileLoader.EmbeddedDefaultText.Replace("target_c: 42.0", "target_c: 47.0", StringComparison.Ordinal));

        var result = CliProcess.Run(_dir, "simulate", "--profile", path, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("abdominal.target_c", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    [Verifies("SRS-OP-006")]
    public void Live_view_shows_phase_times_temperatures_flow_pressure_commands_alarms_interlocks_and_progress()
    {
        var profile = TreatmentProfile.Default;
        RigCycle last;
        using (var rig = new SimulationRig(new RigOptions(profile, 3, Path.Combine(_dir, "live.jsonl"))))
        {
            last = ProcedureRunner.Run(rig, TimeSpan.FromSeconds(45));
        }

        var alarm = new AlarmView("AL-ABDOMEN-HIGH", AlarmPriority.High, "HAZ-001", "Abdominal temperature high", "43.6 °C", "43.5 °C", true,
            AlarmState.Active, Duration.FromSeconds(40), null, null, VisualSignal.High);
        var report = last.Report! with
        {
            Alarms = new Annunciation(AlarmPriority.High, AudioState.Sounding, AlarmPriority.High, null, VisualSignal.High, [alarm]),
            ActiveTrips = ["IL-ABD-HIGH"],
        };

        var text = Render(new LiveProcedureView(profile, 3, TimeSpan.FromHours(3)).Render(last with { Report = report }));

        foreach (var expected in new[] { "Heating", "0:00:45", "0:00:00 of 1:30:00", "1:30:00 remaining", "inflow", "inflow set-point", "abdomen max", "core",
                     "flow", "L/min", "line pressure", "mmHg", "heater / pump / clamp", "rpm", "HIGH", "AL-ABDOMEN-HIGH", "Abdominal temperature high",
                     "43.6 °C", "IL-ABD-HIGH", "chemo progress", "procedure progress", "%" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var quiet = Render(new LiveProcedureView(profile, 3, TimeSpan.FromHours(3)).Render(last));
        Assert.Contains("no alarms", quiet, StringComparison.Ordinal);
        Assert.Contains("no interlock active", quiet, StringComparison.Ordinal);
    }

    private static string Render(Spectre.Console.Rendering.IRenderable view)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(view);
        return writer.ToString();
    }
}
