using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static ScenarioError Single(string text, string field)
    {
        var (scenario, errors) = ScenarioText.Parse(text);
        Assert.Null(scenario);
        return Assert.Single(errors, e => e.Field == field);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void The_format_example_loads_with_every_field()
    {
        var text = """
            name: inflow-probe-a-stuck-during-chemo
            profile: default
            seed: 42
            duration: 2h
            operator: auto
            faults:
              - at: { phase: ChemoPerfusion, after: 10m }
                target: sensor/t_inflow_a
                kind: stuck
                for: 5m
                params: {}
              - at: 35m
                target: sensor/t_core
                kind: drift
                params: { rate_c_per_min: 0.5 }
            expect:
              safe_state: required
              within: 2s
              hazard_logged: true
              limits:
                abdomen_max_c: 43.5
                inflow_max_c: 45.5
                core_max_c: 40.0
              completes: false
            """;
        var s = ScenarioText.Load(text);
        Assert.Equal("inflow-probe-a-stuck-during-chemo", s.Name);
        Assert.Equal(42, s.Seed);
        Assert.Equal(Duration.FromHours(2), s.Duration);
        Assert.Equal(new AfterPhaseEntry(Phase.ChemoPerfusion, Duration.FromMinutes(10)), s.Faults[0].At);
        Assert.Equal(new SensorChannelFault(SensorChannel.InflowA, new SensorStuck()), s.Faults[0].Action);
        Assert.Equal(Duration.FromMinutes(5), s.Faults[0].For);
        Assert.Equal(new AtTime(Duration.FromMinutes(35)), s.Faults[1].At);
        Assert.Equal(0.5, Assert.IsType<SensorDrift>(Assert.IsType<SensorChannelFault>(s.Faults[1].Action).Fault).RatePerMinute);
        Assert.Equal(new ScenarioExpectations(SafeStateExpectation.Required, Duration.FromSeconds(2), true, new TemperatureLimits(43.5, 45.5, 40.0), false), s.Expect);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("colour: red\n", "colour")]
    [InlineData("faults:\n  - at: 1m\n    target: bus\n    kind: loss\n    severity: high\n", "faults[0].severity")]
    [InlineData("faults:\n  - at: 1m\n    target: plant\n    kind: leak\n    params: { ml_per_min: 100, mlpermin: 5 }\n", "faults[0].params.mlpermin")]
    [InlineData("faults:\n  - at: { phase: Heating, after: 1m, before: 2m }\n    target: bus\n    kind: loss\n", "faults[0].at.before")]
    public void An_unknown_key_is_an_error_naming_field_and_line(string extra, string field)
    {
        var text = ScenarioText.Valid(faults: extra.StartsWith("faults", StringComparison.Ordinal) ? extra.TrimEnd() : null) + (extra.StartsWith("faults", StringComparison.Ordinal) ? "" : "\n" + extra);
        var error = Single(text, field);
        Assert.Equal(ScenarioText.LineOf(text, field.Split('.')[^1].Split('[')[0] + ":"), error.Line);
        Assert.Contains("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void An_unknown_key_in_expect_names_the_allowed_ones()
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  completed: true");
        var error = Single(text, "expect.completed");
        Assert.Equal(ScenarioText.LineOf(text, "completed:"), error.Line);
        Assert.Contains("completes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("duration: 90", "duration", "not a duration")]
    [InlineData("duration: 10 minutes", "duration", "not a duration")]
    [InlineData("duration: 30h", "duration", "out of range")]
    public void A_bad_duration_is_an_error_naming_field_and_line(string line, string field, string message)
    {
        var text = ScenarioText.Valid().Replace("duration: 30m", line, StringComparison.Ordinal);
        var error = Single(text, field);
        Assert.Equal(ScenarioText.LineOf(text, line), error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("  - at: 5x\n    target: bus\n    kind: loss", "faults[0].at", "not a duration")]
    [InlineData("  - at: 40m\n    target: bus\n    kind: loss", "faults[0].at", "never fire")]
    [InlineData("  - at: { phase: Chemo, after: 1m }\n    target: bus\n    kind: loss", "faults[0].at.phase", "ChemoPerfusion")]
    [InlineData("  - at: 1m\n    target: bus\n    kind: loss\n    for: soon", "faults[0].for", "not a duration")]
    [InlineData("  - at: 1m\n    target: plant\n    kind: air\n    params: { duration: 3 }", "faults[0].params.duration", "not a duration")]
    public void A_bad_fault_time_is_an_error_naming_field_and_line(string fault, string field, string message)
    {
        var text = ScenarioText.Valid(faults: "faults:\n" + fault);
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("sensor/t_inflow_c", "stuck", "faults[0].target", "t_inflow_a")]
    [InlineData("sensor/inflow_a", "stuck", "faults[0].target", "not a sensor-board register")]
    [InlineData("actuator/valve", "stuck", "faults[0].target", "actuator/heater")]
    [InlineData("controller/planner", "crash", "faults[0].target", "controlloop")]
    [InlineData("heater", "stuck_on", "faults[0].target", "not a fault target")]
    [InlineData("actuator/heater", "degraded", "faults[0].kind", "stuck_on, failed_off")]
    [InlineData("bus", "stuck", "faults[0].kind", "crc_errors, delay, loss, garbage")]
    [InlineData("sensor/sample_counter", "stuck", "faults[0].kind", "only fault it takes is frozen_board")]
    public void A_bad_target_or_kind_is_an_error_naming_field_and_line(string target, string kind, string field, string message)
    {
        var text = ScenarioText.Valid(faults: $"faults:\n  - at: 1m\n    target: {target}\n    kind: {kind}");
        var error = Single(text, field);
        Assert.Equal(ScenarioText.LineOf(text, field.EndsWith("target", StringComparison.Ordinal) ? "target:" : "kind:"), error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("sensor/t_core", "drift", "", "faults[0].params", "rate_c_per_min")]
    [InlineData("sensor/flow", "drift", "params: { rate_c_per_min: 5 }", "faults[0].params.rate_c_per_min", "use rate_per_min")]
    [InlineData("sensor/t_core", "drift", "params: { rate_c_per_min: 1, rate_per_min: 1 }", "faults[0].params.rate_per_min", "not both")]
    [InlineData("plant", "occlusion", "params: { resistance_factor: 0.5 }", "faults[0].params.resistance_factor", "between 1 and 1000000")]
    [InlineData("plant", "occlusion", "", "faults[0].params.resistance_factor", "is required")]
    [InlineData("actuator/heater", "stuck_on", "params: { power_permille: 1500 }", "faults[0].params.power_permille", "between 0 ‰ and 1000 ‰")]
    [InlineData("actuator/heater", "stuck_on", "params: { power_permille: 500, relay_welded: yes }", "faults[0].params.relay_welded", "not true or false")]
    [InlineData("actuator/pump", "degraded", "params: { factor: high }", "faults[0].params.factor", "not a number")]
    [InlineData("bus", "crc_errors", "params: { rate: 0 }", "faults[0].params.rate", "greater than 0")]
    [InlineData("bus", "garbage", "params: { bytes_per_s: 20000 }", "faults[0].params.bytes_per_s", "115200-baud")]
    [InlineData("sensor/t_core", "noise", "params: { sigma: -1 }", "faults[0].params.sigma", "out of range")]
    [InlineData("bus", "loss", "params: { rate: 1 }", "faults[0].params.rate", "loss takes no params")]
    [InlineData("controller/interlocks", "stall", "params: [2000]", "faults[0].params", "expected a mapping")]
    public void Bad_kind_parameters_are_an_error_naming_field_and_line(string target, string kind, string parameters, string field, string message)
    {
        var text = ScenarioText.Valid(faults: $"faults:\n  - at: 1m\n    target: {target}\n    kind: {kind}" + (parameters.Length > 0 ? "\n    " + parameters : ""));
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text, parameters.Length > 0 ? "params:" : "kind:"), error.Line);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("controller/controlloop", "crash", "a crash is instantaneous")]
    [InlineData("controller/interlocks", "stall\n    params: { ms: 100 }", "params.ms")]
    [InlineData("plant", "air\n    params: { duration: 2s }", "clears itself")]
    public void For_is_refused_where_the_kind_has_its_own_length(string target, string kind, string message)
    {
        var text = ScenarioText.Valid(faults: $"faults:\n  - at: 1m\n    target: {target}\n    kind: {kind}\n    for: 1m");
        var error = Single(text, "faults[0].for");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text, "for:"), error.Line);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var text = """
            name: Bad Name
            profile: default
            seed: many
            duration: 2 h
            operator: auto
            faults:
              - at: 1m
                target: sensor/t_nowhere
                kind: stuck
            expect:
              safe_state: maybe
            """;
        var (scenario, errors) = ScenarioText.Parse(text);
        Assert.Null(scenario);
        Assert.Equal(["name", "seed", "duration", "faults[0].target", "expect.safe_state"], errors.Select(e => e.Field));
        Assert.Equal([1, 3, 4, 8, 11], errors.Select(e => e.Line));
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void A_duplicate_key_is_reported_with_both_lines()
    {
        var text = ScenarioText.Valid() + "\nseed: 8";
        var error = Single(text, "seed");
        Assert.Contains($"first at line {ScenarioText.LineOf(text, "seed: 7")}", error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text, "seed: 8"), error.Line);
    }

    [Theory]
    [Verifies("SRS-SC-001")]
    [InlineData("expect:\n  safe_state: required", "expect.within", "is required with safe_state: required")]
    [InlineData("expect:\n  safe_state: forbidden\n  within: 1s", "expect.within", "applies only to safe_state: required")]
    [InlineData("expect:\n  safe_state: any\n  limits: { abdomen_max_c: 430 }", "expect.limits.abdomen_max_c", "between 30 °C and 60 °C")]
    [InlineData("expect:\n  safe_state: any\n  completes: yes", "expect.completes", "not true or false")]
    public void Bad_expectations_are_errors_naming_field_and_line(string expect, string field, string message)
    {
        var error = Single(ScenarioText.Valid(expect: expect), field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var (scenario, errors) = ScenarioText.Parse("name: x\nfaults: [\n  - at: 1m\nexpect: {");
        Assert.Null(scenario);
        var error = Assert.Single(errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    [Verifies("SRS-SC-002")]
    public void Only_the_auto_operator_is_accepted()
    {
        var text = ScenarioText.Valid().Replace("operator: auto", "operator: manual", StringComparison.Ordinal);
        var error = Single(text, "operator");
        Assert.Equal(ScenarioText.LineOf(text, "operator:"), error.Line);
        Assert.Contains("only 'auto'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-002")]
    public void A_profile_path_is_resolved_next_to_the_scenario_file_and_validated()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("profiles"));
        var shortChemo = Core.Profile.ProfileLoader.EmbeddedDefaultText
            .Replace("name: default", "name: short-chemo", StringComparison.Ordinal)
            .Replace("chemo: 90m", "chemo: 30m", StringComparison.Ordinal);
        File.WriteAllText(folder.File("profiles/short.yaml"), shortChemo);
        File.WriteAllText(folder.File("profiles/broken.yaml"), shortChemo.Replace("chemo: 30m", "chemo: 5m", StringComparison.Ordinal));
        var source = folder.File("scenario.yaml");

        var loaded = ScenarioText.Load(ScenarioText.Valid().Replace("profile: default", "profile: profiles/short.yaml", StringComparison.Ordinal), source);
        Assert.Equal("short-chemo", loaded.Profile.Name);
        Assert.Equal(Duration.FromMinutes(30), loaded.Profile.ChemoDuration);

        var broken = ScenarioText.Valid().Replace("profile: default", "profile: profiles/broken.yaml", StringComparison.Ordinal);
        var error = Assert.Single(ScenarioText.Parse(broken, source).Errors);
        Assert.Equal("profile", error.Field);
        Assert.Equal(2, error.Line);
        Assert.Contains("durations.chemo", error.Message, StringComparison.Ordinal);

        var missing = ScenarioText.Valid().Replace("profile: default", "profile: profiles/none.yaml", StringComparison.Ordinal);
        Assert.Contains("cannot read profile 'profiles/none.yaml'", Assert.Single(ScenarioText.Parse(missing, source).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-001")]
    public void Kinds_build_the_plant_and_bus_faults_of_the_plant_model()
    {
        var s = ScenarioText.Load(ScenarioText.Valid(faults: """
            faults:
              - at: 1m
                target: actuator/heater
                kind: stuck_on
                params: { power_permille: 1000, relay_welded: true }
              - at: 1m
                target: plant
                kind: leak
                params: { ml_per_min: 200 }
              - at: 1m
                target: bus
                kind: delay
                params: { ms: 80 }
              - at: 1m
                target: controller/interlocks
                kind: stall
                params: { ms: 2000 }
              - at: 1m
                target: sensor/t_inflow_a
                kind: spike
                for: 200ms
                params: { value: 50 }
              - at: 1m
                target: sensor/sample_counter
                kind: frozen_board
            """));
        var stuck = Assert.IsType<HeaterStuckOn>(Assert.IsType<PlantFaultAction>(s.Faults[0].Action).Fault);
        Assert.Equal((1000, true), (stuck.PowerPermille, stuck.RelayWelded));
        Assert.Equal(200, Assert.IsType<FluidLeak>(Assert.IsType<PlantFaultAction>(s.Faults[1].Action).Fault).Rate.MillilitersPerMinute, 9);
        Assert.Equal(new BusFaultAction(new BusDelay(TimeSpan.FromMilliseconds(80))), s.Faults[2].Action);
        Assert.Equal(new ControllerStall("interlocks", TimeSpan.FromSeconds(2)), s.Faults[3].Action);
        Assert.Equal(4, Assert.IsType<SensorSpike>(Assert.IsType<SensorChannelFault>(s.Faults[4].Action).Fault).Samples);
        Assert.IsType<SensorBoardFreeze>(s.Faults[5].Action);
    }
}
