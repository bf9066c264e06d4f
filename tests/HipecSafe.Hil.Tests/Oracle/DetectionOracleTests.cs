using System.Globalization;
using System.Text.RegularExpressions;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Requirements;
using HipecSafe.Hil.Oracle;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Oracle;

/// <summary>
/// The detection oracle against the documents it is derived from: every citation exists, every quoted passage is in its
/// source, and the bounds, thresholds and ramps of the rules are recomputed here from the figures in the requirement
/// texts (requirements/*.yaml), the hazard analysis and hil/PLANT.md — never from the code under test.
/// </summary>
public partial class DetectionOracleTests
{
    private static readonly Lazy<RequirementCatalog> Catalog = new(() =>
    {
        var catalog = new RequirementCatalog();
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathOf("requirements"), "*.yaml"))
        {
            catalog.AddFile(Path.GetFileName(file), File.ReadAllText(file));
        }

        return catalog;
    });

    private static readonly Lazy<string> HazardAnalysis = new(() => File.ReadAllText(RepositoryLayout.PathOf("safety", "hazard-analysis.md")));

    private static DetectionOracle Oracle => DetectionOracle.Standard;

    private static OracleRule Rule(string id) => Assert.Single(Oracle.Rules, r => r.Id == id);

    private static string Text(string requirementId) => Catalog.Value.Find(requirementId)?.Text ?? throw new InvalidOperationException($"{requirementId} is not in requirements/*.yaml");

    /// <summary>The first number the pattern captures in the requirement's text.</summary>
    private static double Figure(string requirementId, string pattern)
    {
        var m = Regex.Match(Text(requirementId), pattern, RegexOptions.CultureInvariant);
        Assert.True(m.Success, $"{requirementId} has no figure matching /{pattern}/: {Text(requirementId)}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Normalized(string text) => WhitespaceRun().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [Fact]
    [Verifies("SRS-SC-019")]
    public void Every_citation_exists_and_every_quote_is_in_its_source()
    {
        Assert.True(Oracle.Rules.Count >= 50);
        IEnumerable<KeyValuePair<string, string>> quotes = [.. Oracle.Rules.SelectMany(r => r.Quotes), .. Oracle.LatencyQuotes, .. Oracle.LimitQuotes];
        Assert.All(quotes, q =>
        {
            var source = q.Key.StartsWith("SRS-", StringComparison.Ordinal) ? Text(q.Key) : File.ReadAllText(RepositoryLayout.PathOf(q.Key.Split('/')));
            Assert.True(Normalized(source).Contains(Normalized(q.Value), StringComparison.Ordinal), $"'{q.Value}' is not in {q.Key}");
        });
        Assert.All(Oracle.Rules, r => Assert.All(r.Cites, id =>
        {
            if (id.StartsWith("SRS-", StringComparison.Ordinal))
            {
                Assert.True(Catalog.Value.Contains(id), $"{r.Id} cites {id}, not in requirements/*.yaml");
            }
            else
            {
                Assert.Matches("^(HAZ|OI)-[0-9]{2,3}$", id);
                Assert.Contains($"{id} ", HazardAnalysis.Value, StringComparison.Ordinal);
            }
        }));
    }

    [Fact]
    [Verifies("SRS-SC-019")]
    public void The_latency_is_three_cycles_of_the_requirement_rate_and_the_limits_those_the_hazard_analysis_claims()
    {
        var hz = Figure("SRS-RT-001", @"\((\d+) Hz");
        Assert.Equal(TimeSpan.FromSeconds(3 / hz), Oracle.Latency);
        // safety/hazard-analysis.md §7: "Unless stated: ... limits abdomen_max_c: 43.5, core_max_c: 40.0"; the largest
        // inflow limit §7 gives a single fault is 45.5 °C (heater runaway).
        Assert.Equal(new TemperatureLimits(43.5, 45.5, 40.0), Oracle.Limits);
        Assert.Contains("inflow_max_c 45.5", HazardAnalysis.Value, StringComparison.Ordinal);
    }

    /// <summary>Rules whose bound is one requirement's persistence, checked against the figure in its text.</summary>
    [Theory]
    [Verifies("SRS-SC-019")]
    [InlineData("OR-HEATER-STUCK-ON-COMMANDED-OFF", "SRS-IL-005", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-RELAY-CONTACT-CLOSED-WHILE-COMMANDED-OPEN", "SRS-IL-005", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-HEATER-POWER-READS-HIGH-WHILE-OFF", "SRS-IL-005", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-HEATER-STUCK-FULL-IN-CHEMO", "SRS-IL-047", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-HEATER-POWER-READS-HIGH-WHILE-ON", "SRS-IL-047", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-SENSOR-BOARD-FROZEN", "SRS-IL-002", @"\((\d+) ms\)", 1e-3)]
    [InlineData("OR-LINE-PRESSURE-READS-HIGH", "SRS-IL-017", @"persistence \((\d+(?:\.\d+)?) s\)", 1)]
    [InlineData("OR-INFLOW-PROBE-DRIFTS-LOW", "SRS-IL-013", @"persistence \((\d+) s\)", 1)]
    [InlineData("OR-PUMP-STOPPED", "SRS-IL-052", @"for (\d+) s", 1)]
    [InlineData("OR-PUMP-DEGRADED-BEYOND-TRIM", "SRS-IL-025", @"persistence \((\d+) s\)", 1)]
    [InlineData("OR-ABDOMEN-PROBE-LOST", "SRS-IL-015", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-INFLOW-PROBE-LOST", "SRS-IL-012", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-CORE-PROBE-LOST", "SRS-IL-016", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-LINE-PRESSURE-SENSOR-LOST", "SRS-IL-018", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-AIR-DETECTOR-LOST", "SRS-IL-020", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-FLOW-METER-LOST", "SRS-IL-026", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-RESERVOIR-SENSOR-LOST", "SRS-IL-024", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-OUTFLOW-PROBE-LOST", "SRS-IL-060", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-ABDOMINAL-PRESSURE-READS-HIGH", "SRS-IL-061", @"for (\d+) s", 1)]
    [InlineData("OR-ABDOMINAL-PRESSURE-SENSOR-LOST", "SRS-IL-062", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-ABDOMEN-PROBE-DRIFTS-LOW", "SRS-IL-065", @"for (\d+) s", 1)]
    [InlineData("OR-RELAY-CONTACT-OPEN-WHILE-COMMANDED-CLOSED", "SRS-IL-053", @"for (\d+) s", 1)]
    [InlineData("OR-PUMP-RUNNING-BIT-LOST", "SRS-IL-052", @"for (\d+) s", 1)]
    [InlineData("OR-PUMP-SPEED-LOST", "SRS-IL-052", @"for (\d+) s", 1)]
    [InlineData("OR-PUMP-SPEED-READS-LOW", "SRS-IL-051", @"for (\d+) s", 1)]
    [InlineData("OR-CLAMP-POSITION-WRONG", "SRS-IL-054", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-HEATER-POWER-LOST-WHILE-ON", "SRS-IL-056", @"for (\d+) ms", 1e-3)]
    [InlineData("OR-LIMITER-SENSOR-LOST", "SRS-IL-058", @"for (\d+) s", 1)]
    [InlineData("OR-HEARTBEAT-ECHO-STUCK", "SRS-IL-067", @"\((\d+) ms persistence\)", 1e-3)]
    public void A_bound_is_the_persistence_its_requirement_states(string ruleId, string requirementId, string pattern, double secondsPerUnit)
    {
        Assert.Equal(TimeSpan.FromSeconds(Figure(requirementId, pattern) * secondsPerUnit), Rule(ruleId).Alarm!.Bound);
        Assert.Contains(requirementId, Rule(ruleId).Cites);
    }

    [Theory]
    [Verifies("SRS-SC-019")]
    [InlineData("OR-ABDOMEN-PROBE-READS-HIGH", "SRS-IL-008", "SRS-IL-044")]
    [InlineData("OR-INFLOW-PROBE-SPIKES-HIGH", "SRS-IL-007", "SRS-IL-044")]
    [InlineData("OR-AIR-IN-LINE", "SRS-IL-019", "SRS-IL-019")]
    [InlineData("OR-PUMP-MOTOR-FAULT", "SRS-IL-006", "SRS-IL-006")]
    public void A_rule_the_requirement_says_acts_at_once_has_no_persistence(string ruleId, string requirementId, string citesAlso)
    {
        Assert.Equal(TimeSpan.Zero, Rule(ruleId).Alarm!.Bound);
        Assert.True(Text(requirementId).Contains("at once", StringComparison.Ordinal) || !Text(requirementId).Contains(" for ", StringComparison.Ordinal));
        Assert.Contains(citesAlso, Rule(ruleId).Cites);
    }

    [Fact]
    [Verifies("SRS-SC-019")]
    public void Thresholds_and_ramps_follow_from_the_requirement_figures_and_the_plant_physics()
    {
        var abdominalLimit = Figure("SRS-IL-008", @"\((\d+\.\d+) °C\)");
        var drugMinimum = 40.0; // SRS-PR-003: drug-addition minimum ≥ 40.0 °C; every probe ≥ it at addition (SRS-PH-005)
        Assert.Contains("40.0", Text("SRS-PR-003"), StringComparison.Ordinal);
        Assert.True(drugMinimum + Rule("OR-ABDOMEN-PROBE-READS-HIGH").Params["delta"].Min >= abdominalLimit);
        Assert.Equal(abdominalLimit - drugMinimum, Rule("OR-ABDOMEN-PROBE-DRIFTS-UP").Alarm!.RampDistance, 6);

        // Inflow disagreement: the limit plus the ±0.1 °C accuracy of each of the two probes (OI-08).
        Assert.Equal(Figure("SRS-IL-013", @"\((\d+\.\d+) °C\)") + (2 * 0.1), Rule("OR-INFLOW-PROBE-DRIFTS-LOW").Alarm!.RampDistance, 6);

        // Core: from the 37.0 °C baseline (hil/PLANT.md) plus the probe's 0.1 °C to the core limit.
        Assert.Equal(Figure("SRS-IL-009", @"\((\d+\.\d+) °C\)") - 37.0 + 0.1, Rule("OR-CORE-PROBE-DRIFTS-UP").Alarm!.RampDistance, 6);

        // Leak: the reservoir falls at the leak rate (SRS-HIL-007) until the drop limit; in Washout from at most the priming volume to the critical level.
        // In chemo the drop is judged between two readings, each within the reservoir's 10 mL noise bound (hil/PLANT.md §7).
        Assert.Equal(Figure("SRS-IL-023", @"\((\d+) mL\)") + (2 * 10), Rule("OR-LEAK-IN-STEADY-VOLUME").Alarm!.RampDistance);
        Assert.Equal(1500 - Figure("SRS-IL-021", @"\((\d+) mL\)"), Rule("OR-LEAK-IN-WASHOUT").Alarm!.RampDistance);
        // The drop rule stays armed in Washout (SRS-IL-023), below the kept baseline less the exchange's drawdown: it may trip first.
        Assert.Contains("Washout", Text("SRS-IL-023"), StringComparison.Ordinal);
        Assert.Contains("IL-RESERVOIR-DROP", Rule("OR-LEAK-IN-WASHOUT").Alarm!.Ids);
        Assert.True(Figure("SRS-IL-023", @"beyond (\d+) mL below the kept baseline") <= Rule("OR-LEAK-IN-WASHOUT").Alarm!.RampDistance);
        // The reservoir follows through the abdomen's outflow, K_out = 20 /min (hil/PLANT.md): a lag of 3 s.
        Assert.Equal(TimeSpan.FromMinutes(1.0 / 20), Rule("OR-LEAK-IN-STEADY-VOLUME").Alarm!.Bound);
        Assert.Equal(TimeSpan.FromMinutes(1.0 / 20), Rule("OR-LEAK-IN-WASHOUT").Alarm!.Bound);
        Assert.True(Rule("OR-SMALL-LEAK").Params["ml_per_min"].Max * Rule("OR-SMALL-LEAK").For.Max!.Value.TotalMinutes < Figure("SRS-IL-023", @"\((\d+) mL\)"));

        // Flow: the trim adds at most 25 %; beyond it the shortfall exceeds the 10 % deviation limit, within it there is none.
        var trim = Figure("SRS-CT-010", @"\+/- (\d+) %") / 100;
        var deviation = Figure("SRS-IL-025", @"\((\d+) %\)") / 100;
        Assert.True(Rule("OR-PUMP-DEGRADED-BEYOND-TRIM").Params["factor"].Max * (1 + trim) < 1 - deviation);
        Assert.True(Rule("OR-PUMP-DEGRADED-WITHIN-TRIM").Params["factor"].Min * (1 + trim) >= 1);

        // Occlusion: line pressure = 0.06 mmHg·min/mL × flow × factor + ~12 mmHg (hil/PLANT.md) at the 2 L/min target.
        var limit = Figure("SRS-IL-017", @"\((\d+) mmHg\)");
        Assert.True((0.06 * 2000 * Rule("OR-LINE-OCCLUDED").Params["resistance_factor"].Min) + 12 > limit);
        Assert.True((0.06 * 2000 * Rule("OR-LINE-PARTLY-OCCLUDED").Params["resistance_factor"].Max) + 12 < limit);
        Assert.Equal(TimeSpan.FromSeconds(Figure("SRS-HIL-006", @"within (\d+) s") + Figure("SRS-IL-017", @"persistence \((\d+(?:\.\d+)?) s\)")), Rule("OR-LINE-OCCLUDED").Alarm!.Bound);

        // Heater element open in chemo: armed at the latest 10 min after the entry, then 60 s below the band.
        Assert.True(Rule("OR-HEATER-FAILED-OFF-IN-CHEMO").Alarm!.Bound >= TimeSpan.FromMinutes(Figure("SRS-IL-048", @"or (\d+) min after")) + TimeSpan.FromSeconds(Figure("SRS-IL-048", @"for (\d+) s")));

        // Noise below validation: a sample-to-sample step of the rate limit between 10 Hz reads is ≥ 7 σ of the difference.
        var step = (Figure("SRS-IL-031", @"more than (\d+) °C/s") * 0.1) + Figure("SRS-IL-031", @"plus (\d+\.\d+) °C");
        Assert.True(7 * Math.Sqrt(2) * Rule("OR-TEMPERATURE-NOISE-BELOW-VALIDATION").Params["sigma"].Max <= step);

        // A low abdominal probe: the spread limit, plus the jet's spread the probe may start above the median, plus ±0.1 °C on
        // each of the two readings compared; the undetectable slow drift stays below the spread limit for its whole duration.
        var spreadLimit = Figure("SRS-IL-065", @"more than (\d+\.\d+) K below");
        const double jetSpread = 0.83; // SRS-IL-065's rationale: the jet's spread is ≤ 0.83 K during heat-up in nominal runs
        Assert.Equal(spreadLimit + jetSpread + (2 * 0.1), Rule("OR-ABDOMEN-PROBE-DRIFTS-LOW").Alarm!.RampDistance, 6);
        var slow = Rule("OR-ABDOMEN-PROBE-DRIFTS-LOW-BELOW-SPREAD");
        Assert.True(Math.Abs(slow.Params["rate_c_per_min"].Min) * slow.For.Max!.Value.TotalMinutes < spreadLimit);

        // A frozen core: the samples 10 s apart span the freeze, then the persistence.
        var frozen = (Figure("SRS-IL-063", @"identical for (\d+) samples") * Figure("SRS-IL-063", @"samples taken (\d+) s apart")) + Figure("SRS-IL-063", @"apart, for (\d+) s");
        Assert.Equal(TimeSpan.FromSeconds(frozen), Rule("OR-CORE-PROBE-STUCK").Alarm!.Bound);

        // Intra-abdominal pressure: the true pressure is ≥ 0, so the smallest offset alone exceeds the limit, by 5 mmHg.
        Assert.True(Rule("OR-ABDOMINAL-PRESSURE-READS-HIGH").Params["delta"].Min >= Figure("SRS-IL-061", @"exceeds (\d+) mmHg") + 5);

        // A pump speed read low by d: the meter exceeds the delivery by d / (s − d), above the IL-FLOW-METER-HIGH limit for
        // every speed up to the pump's 4 L/min capacity (hil/PLANT.md) at the default displacement.
        var displacement = Figure("SRS-IL-050", @"default (\d+) mL/rev");
        var meterHigh = Figure("SRS-IL-051", @"more than (\d+) % of that delivery") / 100;
        var fastest = 4000 / displacement;
        var d = Math.Abs(Rule("OR-PUMP-SPEED-READS-LOW").Params["delta"].Max);
        Assert.True(d / (fastest - d) > meterHigh);
    }

    /// <summary>A rule expects the alarm its requirement names, at the priority the requirement gives it.</summary>
    [Theory]
    [Verifies("SRS-SC-019")]
    [InlineData("OR-RELAY-CONTACT-OPEN-WHILE-COMMANDED-CLOSED", "SRS-IL-053")]
    [InlineData("OR-PUMP-RUNNING-BIT-LOST", "SRS-IL-052")]
    [InlineData("OR-PUMP-SPEED-LOST", "SRS-IL-052")]
    [InlineData("OR-PUMP-STOPPED", "SRS-IL-052")]
    [InlineData("OR-PUMP-SPEED-READS-LOW", "SRS-IL-051")]
    [InlineData("OR-CLAMP-POSITION-WRONG", "SRS-IL-054")]
    [InlineData("OR-HEATER-POWER-LOST-WHILE-ON", "SRS-IL-056")]
    [InlineData("OR-LIMITER-SENSOR-LOST", "SRS-IL-058")]
    [InlineData("OR-OUTFLOW-PROBE-LOST", "SRS-IL-060")]
    [InlineData("OR-ABDOMINAL-PRESSURE-READS-HIGH", "SRS-IL-061")]
    [InlineData("OR-ABDOMINAL-PRESSURE-SENSOR-LOST", "SRS-IL-062")]
    [InlineData("OR-CORE-PROBE-STUCK", "SRS-IL-063")]
    [InlineData("OR-ABDOMEN-PROBE-DRIFTS-LOW", "SRS-IL-065")]
    public void A_rule_expects_its_requirements_alarm_at_the_requirements_priority(string ruleId, string requirementId)
    {
        var text = Text(requirementId);
        var alarm = Rule(ruleId).Alarm!;
        var id = Assert.Single(alarm.Ids, i => text.Contains($"({i}", StringComparison.Ordinal));
        var priority = text.Contains($"({id}, high priority)", StringComparison.Ordinal) ? AlarmPriority.High
            : text.Contains("medium-priority alarm", StringComparison.Ordinal) ? AlarmPriority.Medium
            : throw new InvalidOperationException($"{requirementId} gives {id} no priority");
        Assert.Equal<AlarmPriority?>(priority, alarm.Priority);
        Assert.Contains(requirementId, Rule(ruleId).Cites);
    }

    [Theory]
    [Verifies("SRS-SC-019")]
    [InlineData("sensor/t_abdomen_3", "offset", Phase.ChemoPerfusion, 600, "delta", 4.0, null, "OR-ABDOMEN-PROBE-READS-HIGH", OracleClass.Detect)]
    [InlineData("sensor/t_abdomen_2", "dropout", Phase.Heating, 60, null, 0.0, null, "OR-ABDOMEN-PROBE-LOST-BEFORE-DRUG", OracleClass.Tolerate)]
    [InlineData("sensor/t_abdomen_2", "dropout", Phase.Heating, 60, null, 0.0, 30.0, "OR-ABDOMEN-PROBE-LOST", OracleClass.Tolerate)]
    [InlineData("sensor/t_core", "stuck", Phase.ChemoPerfusion, 600, null, 0.0, null, "OR-CORE-PROBE-STUCK", OracleClass.Detect)]
    [InlineData("sensor/t_inflow_a", "stuck", Phase.ChemoPerfusion, 600, null, 0.0, null, "OR-TEMPERATURE-PROBE-STUCK", OracleClass.Undetectable)]
    [InlineData("sensor/t_abdomen_1", "drift", Phase.ChemoPerfusion, 600, "rate_c_per_min", -0.2, null, "OR-ABDOMEN-PROBE-DRIFTS-LOW", OracleClass.Detect)]
    [InlineData("sensor/p_abdomen", "offset", Phase.ChemoPerfusion, 600, "delta", 30.0, null, "OR-ABDOMINAL-PRESSURE-READS-HIGH", OracleClass.Detect)]
    [InlineData("actuator/pump", "degraded", Phase.ChemoPerfusion, 600, "factor", 0.9, null, "OR-PUMP-DEGRADED-WITHIN-TRIM", OracleClass.Tolerate)]
    [InlineData("plant", "leak", Phase.ChemoPerfusion, 600, "ml_per_min", 150.0, 30.0, "OR-SMALL-LEAK", OracleClass.Undetectable)]
    public void The_first_matching_rule_decides(string target, string kind, Phase phase, int afterSeconds, string? param, double value, double? forSeconds, string ruleId, OracleClass expected)
    {
        var parameters = param is null ? new Dictionary<string, double>() : new Dictionary<string, double> { [param] = value };
        var verdict = Oracle.Classify(new FaultCase(target, kind, phase, TimeSpan.FromSeconds(afterSeconds), parameters, forSeconds is { } f ? TimeSpan.FromSeconds(f) : null));
        Assert.NotNull(verdict);
        Assert.Equal((ruleId, expected), (verdict.Rule.Id, verdict.Class));
    }

    [Fact]
    [Verifies("SRS-SC-019")]
    public void A_leak_in_chemo_must_trip_once_the_drop_limit_has_leaked_and_nothing_covers_a_fault_outside_every_rule()
    {
        var leak = Oracle.Classify(new FaultCase("plant", "leak", Phase.ChemoPerfusion, TimeSpan.FromMinutes(5), new Dictionary<string, double> { ["ml_per_min"] = 100 }, null))!;
        Assert.Equal("OR-LEAK-IN-STEADY-VOLUME", leak.Rule.Id);
        // 300 mL + 2 × 10 mL reading noise at 100 mL/min, 3 s lag.
        Assert.Equal(TimeSpan.FromMinutes(3.2) + TimeSpan.FromSeconds(3) + Oracle.Latency, leak.AlarmWithin);
        Assert.Equal(leak.AlarmWithin, leak.SafeWithin);
        Assert.Equal(AlarmPriority.High, leak.Rule.Alarm!.Priority);

        Assert.Null(Oracle.Classify(new FaultCase("plant", "leak", Phase.Draining, TimeSpan.FromMinutes(1), new Dictionary<string, double> { ["ml_per_min"] = 100 }, null)));
    }

    [Theory]
    [Verifies("SRS-SC-019")]
    [InlineData("    class: detect\n    safe_state: any", "rules[0].alarm", "a detect rule names the alarm")]
    [InlineData("    class: tolerate\n    safe_state: any", "rules[0].safe_state", "a tolerate rule forbids the safe state")]
    [InlineData("    class: maybe\n    safe_state: any", "rules[0].class", "'maybe' is not detect, tolerate or undetectable")]
    [InlineData("    class: undetectable\n    safe_state: any\n    for: [1m]", "rules[0].for", "expected open (open-ended faults only) or [min, max] durations")]
    [InlineData("    class: undetectable\n    safe_state: any\n    colour: red", "rules[0].colour", "unknown key 'colour'")]
    public void A_bad_oracle_rule_is_refused_with_its_field(string body, string field, string message)
    {
        var text = "latency: 300ms\nrules:\n  - id: OR-X\n    target: plant\n    kind: leak\n    phases: [Heating]\n    cites: [HAZ-006]\n    quotes: { HAZ-006: x }\n" + body + "\n";
        var (oracle, errors) = DetectionOracle.Parse(text);
        Assert.Null(oracle);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    [Verifies("SRS-SC-019")]
    public void A_new_rule_id_is_a_row_of_data()
    {
        // Extending the table needs no code: a rule for a detection that has no id yet uses a prefix.
        var text = "latency: 300ms\nrules:\n  - id: OR-NEW\n    class: detect\n    target: sensor/p_abdomen\n    kind: offset\n    phases: [ChemoPerfusion]\n    params: { delta: [40, 80] }\n"
            + "    alarm: { id: [IL-ABDOMEN-PRESSURE-*], priority: high, bound: 1s }\n    safe_state: any\n    cites: [OI-05]\n    quotes: { safety/hazard-analysis.md: p_abdomen }\n";
        var (oracle, errors) = DetectionOracle.Parse(text);
        Assert.Empty(errors);
        var verdict = oracle!.Classify(new FaultCase("sensor/p_abdomen", "offset", Phase.ChemoPerfusion, TimeSpan.Zero, new Dictionary<string, double> { ["delta"] = 50 }, null))!;
        Assert.Equal(TimeSpan.FromMilliseconds(1300), verdict.AlarmWithin);
    }
}
