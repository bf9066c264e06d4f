using System.Globalization;
using System.Text;
using HipecSafe.Controller;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Oracle;

namespace HipecSafe.Hil.Scenarios;

/// <summary>A generated scenario file: its file name, YAML text, and the oracle's verdict it carries.</summary>
public sealed record GeneratedScenario(string FileName, string Yaml, string Name, FaultCase Fault, OracleVerdict Verdict, string FaultText);

/// <summary>
/// Writes randomized single-fault scenarios from the <see cref="DetectionOracle"/>: it takes the oracle's rules in turn
/// (so a small N still covers every rule, and with it every fault kind and the phases they name), draws a fault inside
/// the rule's conditions — target, kind, phase (Paused through an operator script), time into the phase, magnitude,
/// length — asks the oracle for its verdict and writes the verdict as the scenario's expectations: the alarm that must be
/// raised and its bound, the safe state required or forbidden, phases never entered, and the limits the hazard
/// analysis claims for a single fault. The campaign then judges detection, not only survival. Deterministic from the seed.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>
    /// When each phase is entered at the latest with the default profile and the careful operator, and the longest
    /// time after the entry that stays in it (priming 30 s, heat-up to the drug minimum within ~10 min, chemo 90 min,
    /// washout 10 min, draining 5 min; default-profile.yaml). Paused is reached by the operator script.
    /// </summary>
    private static readonly Dictionary<Phase, (TimeSpan LatestEntry, TimeSpan MaxAfter)> PhaseTimes = new()
    {
        [Phase.Priming] = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(25)),
        [Phase.Heating] = (TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(6)),
        [Phase.ReadyForChemo] = (TimeSpan.FromMinutes(14), TimeSpan.FromSeconds(8)),
        [Phase.ChemoPerfusion] = (TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(85)),
        [Phase.Washout] = (TimeSpan.FromMinutes(105), TimeSpan.FromMinutes(9)),
        [Phase.Draining] = (TimeSpan.FromMinutes(115), TimeSpan.FromMinutes(4)),
        [Phase.Paused] = (TimeSpan.Zero, TimeSpan.FromMinutes(3)),
    };

    /// <summary>Where the operator pauses for a fault that must hit Paused: (phase, after).</summary>
    private static readonly (Phase Phase, TimeSpan After)[] PauseFrom =
    [
        (Phase.Priming, TimeSpan.FromSeconds(10)),
        (Phase.Heating, TimeSpan.FromMinutes(2)),
        (Phase.ChemoPerfusion, TimeSpan.FromMinutes(10)),
    ];

    /// <summary>How long a run goes on after the fault's deadline (or its onset when nothing is due): time for a false trip to show.</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromMinutes(3);

    private static readonly string[] SensorRegisters =
        ["t_inflow_a", "t_inflow_b", "t_outflow", "t_abdomen_1", "t_abdomen_2", "t_abdomen_3", "t_abdomen_4", "t_core", "p_inflow", "flow", "reservoir_volume", "air_detected", "p_abdomen"];

    public static IReadOnlyList<GeneratedScenario> Generate(int count, int seed) => Generate(count, seed, DetectionOracle.Standard);

    public static IReadOnlyList<GeneratedScenario> Generate(int count, int seed, DetectionOracle oracle)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(oracle);
        var random = new Random(seed);
        var scenarios = new List<GeneratedScenario>(count);
        for (var i = 0; i < count; i++)
        {
            var rule = oracle.Rules[i % oracle.Rules.Count];
            var (fault, pause) = Draw(random, rule, oracle);
            var verdict = oracle.Classify(fault)
                ?? throw new InvalidOperationException($"oracle rule {rule.Id} does not cover the fault drawn inside it ({fault})");
            scenarios.Add(Write(i, seed, random.Next(1, 1_000_000), fault, pause, verdict, oracle));
        }

        return scenarios;
    }

    private static (FaultCase Fault, (Phase Phase, TimeSpan After)? Pause) Draw(Random r, OracleRule rule, DetectionOracle oracle)
    {
        var target = Expand(r, Pick(r, rule.Targets));
        var kind = Pick(r, rule.Kinds);
        // Only phases the procedure stays in long enough for the rule's earliest onset.
        var phases = rule.Phases.Distinct().Where(ph => (rule.After?.Min ?? TimeSpan.Zero) <= PhaseTimes[ph].MaxAfter).ToList();
        if (phases.Count == 0)
        {
            throw new InvalidOperationException($"oracle rule {rule.Id}: no phase of it lasts until its earliest onset {rule.After?.Min}");
        }

        var phase = Pick(r, phases);
        var (_, maxAfter) = PhaseTimes[phase];
        var (lo, hi) = rule.After ?? (TimeSpan.Zero, maxAfter);
        hi = hi < maxAfter ? hi : maxAfter;
        lo = lo < hi ? lo : hi;
        var after = TimeSpan.FromSeconds(Math.Round(lo.TotalSeconds + (r.NextDouble() * (hi - lo).TotalSeconds)));
        var parameters = rule.Params.ToDictionary(p => p.Key, p => p.Value.Draw(r), StringComparer.Ordinal);
        TimeSpan? length = rule.For switch
        {
            { OpenOnly: true } => null,
            { Min: { } min, Max: { } max } => TimeSpan.FromMilliseconds(10 * Math.Round((min.TotalMilliseconds + (r.NextDouble() * (max - min).TotalMilliseconds)) / 10)),
            _ => null,
        };
        if (!rule.For.OpenOnly && rule.For.Min is null && kind is not ("crash" or "stall" or "air") && r.Next(2) == 0)
        {
            // A bounded fault must outlast the detection it is judged on; open-ended ones are the other half.
            var deadline = rule.AlarmWithin(new FaultCase(target, kind, phase, after, parameters, null), oracle.Latency) ?? TimeSpan.Zero;
            length = deadline + TimeSpan.FromSeconds(10 + r.Next(290));
        }

        (Phase, TimeSpan)? pause = phase == Phase.Paused ? PauseFrom[r.Next(PauseFrom.Length)] : null;
        return (new FaultCase(target, kind, phase, after, parameters, length), pause);
    }

    private static GeneratedScenario Write(int index, int seed, int runSeed, FaultCase fault, (Phase Phase, TimeSpan After)? pause, OracleVerdict verdict, DetectionOracle oracle)
    {
        var rule = verdict.Rule;
        var name = Invariant($"gen-{seed}-{index:000}-{rule.Id.ToLowerInvariant()}");
        var entry = pause is { } p ? PhaseTimes[p.Phase].LatestEntry + p.After : PhaseTimes[fault.Phase].LatestEntry;
        var due = new[] { verdict.AlarmWithin, verdict.SafeWithin, fault.For }.Max() ?? TimeSpan.Zero;
        // A phase that must never be entered needs the time a healthy procedure would have taken to enter it.
        var neverWindow = rule.NeverEnters.Count > 0 ? TimeSpan.FromMinutes(25) : TimeSpan.Zero;
        var duration = entry + fault.After + (due > neverWindow ? due : neverWindow) + Watch;

        var yaml = new StringBuilder();
        yaml.AppendLine(Invariant($"# Generated by `hipecsafe campaign --generate` (seed {seed}) from detection-oracle.yaml rule {rule.Id} ({rule.Class.ToString().ToLowerInvariant()}); cites {string.Join(", ", rule.Cites)}."));
        yaml.AppendLine(Invariant($"name: {name}"));
        yaml.AppendLine("profile: default");
        yaml.AppendLine(Invariant($"seed: {runSeed}"));
        yaml.AppendLine(Invariant($"duration: {Format(duration)}"));
        yaml.AppendLine("operator: auto");
        if (pause is { } pp)
        {
            yaml.AppendLine("operator_script:");
            yaml.AppendLine(Invariant($"  - at: {{ phase: {pp.Phase}, after: {Format(pp.After)} }}"));
            yaml.AppendLine("    action: pause");
        }

        yaml.AppendLine("faults:");
        yaml.AppendLine(Invariant($"  - at: {{ phase: {fault.Phase}, after: {Format(fault.After)} }}"));
        yaml.AppendLine(Invariant($"    target: {fault.Target}"));
        yaml.AppendLine(Invariant($"    kind: {fault.Kind}"));
        if (fault.For is { } lasts)
        {
            yaml.AppendLine(Invariant($"    for: {Format(lasts)}"));
        }

        var parameters = Params(fault);
        if (parameters.Length > 0)
        {
            yaml.AppendLine(Invariant($"    params: {{ {parameters} }}"));
        }

        yaml.AppendLine("expect:");
        yaml.AppendLine(Invariant($"  safe_state: {rule.SafeState.ToString().ToLowerInvariant()}"));
        if (verdict.SafeWithin is { } within)
        {
            yaml.AppendLine(Invariant($"  within: {Format(within)}"));
        }

        if (rule.Alarm is { } alarm && verdict.AlarmWithin is { } alarmWithin)
        {
            var priority = alarm.Priority is { } pr ? pr.ToString().ToLowerInvariant() : "any";
            yaml.AppendLine(Invariant($"  alarm: {{ id: [{string.Join(", ", alarm.Ids)}], priority: {priority}, within: {Format(alarmWithin)} }}"));
        }

        if (rule.NeverEnters.Count > 0)
        {
            yaml.AppendLine(Invariant($"  never_enters: [{string.Join(", ", rule.NeverEnters)}]"));
        }

        var limits = oracle.LimitsFor(rule);
        var limitParts = new List<string>();
        if (limits.AbdomenMaxC is { } a)
        {
            limitParts.Add(Invariant($"abdomen_max_c: {a:0.0}"));
        }

        if (limits.InflowMaxC is { } i)
        {
            limitParts.Add(Invariant($"inflow_max_c: {i:0.0}"));
        }

        if (limits.CoreMaxC is { } c)
        {
            limitParts.Add(Invariant($"core_max_c: {c:0.0}"));
        }

        if (limitParts.Count > 0)
        {
            yaml.AppendLine($"  limits: {{ {string.Join(", ", limitParts)} }}");
        }

        var faultText = Invariant($"{fault.Target} {fault.Kind}{(parameters.Length > 0 ? " {" + parameters + "}" : "")}{(fault.For is { } f ? " for " + Format(f) : " open-ended")}, {fault.Phase} +{Format(fault.After)}")
            + (pause is { } q ? Invariant($" (paused at {q.Phase} +{Format(q.After)})") : "");
        return new GeneratedScenario(name + ".yaml", yaml.ToString(), name, fault, verdict, faultText);
    }

    /// <summary>A target pattern made concrete: <c>sensor/t_abdomen_*</c> → one probe, <c>controller/*</c> → one actor.</summary>
    private static string Expand(Random r, string target)
    {
        if (!target.EndsWith('*'))
        {
            return target;
        }

        var prefix = target[..^1];
        string[] options = prefix == "controller/" ? [.. ComponentNames.All.Select(c => "controller/" + c)]
            : [.. SensorRegisters.Select(s => "sensor/" + s).Where(s => s.StartsWith(prefix, StringComparison.Ordinal))];
        return Pick(r, options);
    }

    private static string Params(FaultCase fault) => string.Join(", ", fault.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key switch
    {
        "relay_welded" => "relay_welded: " + (p.Value != 0 ? "true" : "false"),
        "duration" => "duration: " + Format(TimeSpan.FromSeconds(p.Value)),
        "value" when fault.Kind == "bit_stuck" => Invariant($"value: {p.Value:0}"),
        _ => Invariant($"{p.Key}: {p.Value}"),
    }));

    private static T Pick<T>(Random r, IReadOnlyList<T> options) => options[r.Next(options.Count)];

    private static string Format(TimeSpan t) => DurationText.Format(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds))));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
