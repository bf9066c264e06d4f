using System.Globalization;
using System.Reflection;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Yaml;
using HipecSafe.Hil.Scenarios;

namespace HipecSafe.Hil.Oracle;

/// <summary>What the oracle says about one fault: the rule that decided, its class, and the expectations it implies.</summary>
public sealed record OracleVerdict(OracleRule Rule, TimeSpan? AlarmWithin, TimeSpan? SafeWithin)
{
    public OracleClass Class => Rule.Class;
}

/// <summary>
/// The detection oracle: a table of rules derived from the requirements and the hazard analysis that says, for a single
/// fault of a kind, magnitude and phase, whether it must be detected (which alarm, within which bound), must not trip,
/// or is undetectable by design. The table is data (<c>detection-oracle.yaml</c>, embedded); the first matching rule
/// decides. Format: docs/scenario-format.md §8.
/// </summary>
public sealed class DetectionOracle
{
    public const string ResourceName = "HipecSafe.Hil.Oracle.detection-oracle.yaml";

    private static readonly Lazy<DetectionOracle> Embedded = new(() =>
    {
        using var stream = typeof(DetectionOracle).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var (oracle, errors) = Parse(reader.ReadToEnd());
        return oracle ?? throw new InvalidDataException("detection-oracle.yaml is invalid: " + string.Join("; ", errors));
    });

    private DetectionOracle(IReadOnlyList<OracleRule> rules, TimeSpan latency, TemperatureLimits limits,
        IReadOnlyList<KeyValuePair<string, string>> latencyQuotes, IReadOnlyList<KeyValuePair<string, string>> limitQuotes)
    {
        Rules = rules;
        Latency = latency;
        Limits = limits;
        LatencyQuotes = latencyQuotes;
        LimitQuotes = limitQuotes;
    }

    /// <summary>The table shipped with the rig.</summary>
    public static DetectionOracle Standard => Embedded.Value;

    public IReadOnlyList<OracleRule> Rules { get; }

    /// <summary>Added to every alarm bound: the cycles between the fault reaching a register and the alarm in a report.</summary>
    public TimeSpan Latency { get; }

    /// <summary>The limits the hazard analysis claims for any single fault; a rule may tighten them.</summary>
    public TemperatureLimits Limits { get; }

    public IReadOnlyList<KeyValuePair<string, string>> LatencyQuotes { get; }

    public IReadOnlyList<KeyValuePair<string, string>> LimitQuotes { get; }

    /// <summary>The first rule that matches, with its deadlines for this fault; null when no rule covers the fault.</summary>
    public OracleVerdict? Classify(FaultCase fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var rule = Rules.FirstOrDefault(r => r.Matches(fault));
        if (rule is null)
        {
            return null;
        }

        var alarmWithin = rule.AlarmWithin(fault, Latency);
        var safeWithin = rule.SafeState == SafeStateExpectation.Required ? rule.SafeWithin ?? alarmWithin : null;
        return new OracleVerdict(rule, alarmWithin, safeWithin);
    }

    /// <summary>The limits for a rule: the oracle's, each replaced by the rule's own where it gives one.</summary>
    public TemperatureLimits LimitsFor(OracleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new TemperatureLimits(rule.Limits.AbdomenMaxC ?? Limits.AbdomenMaxC, rule.Limits.InflowMaxC ?? Limits.InflowMaxC, rule.Limits.CoreMaxC ?? Limits.CoreMaxC);
    }

    /// <summary>Parses an oracle table; every problem is reported with its field and line.</summary>
    public static (DetectionOracle? Oracle, IReadOnlyList<ScenarioError> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<YamlProblem>();
        var root = YamlTreeReader.ReadMapping(text, "an oracle mapping (latency, limits, phase_sets, rules)", problems);
        var errors = problems.Select(p => new ScenarioError(p.Field, p.Line, p.Message)).ToList();
        if (root is null || FieldSet.Of(root, "", errors) is not { } f)
        {
            return (null, errors);
        }

        var latency = f.Time("latency", required: true, Duration.Zero, Duration.FromSeconds(10));
        var latencyQuotes = Quotes(f, "latency_cites", errors);
        var limits = ParseLimits(f, "limits", errors) ?? TemperatureLimits.None;
        var limitQuotes = Quotes(f, "limits_cites", errors);
        var sets = PhaseSets(f, errors);
        var rules = new List<OracleRule>();
        if (f.Take("rules", required: true) is YamlSequence list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (Rule(list.Items[i], $"rules[{i}]", sets, errors) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }
        else
        {
            f.Error("rules", f.LineOf("rules"), "expected a list of rules");
        }

        f.RejectUnknown("an oracle has latency, latency_cites, limits, limits_cites, phase_sets, rules");
        foreach (var clash in rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ScenarioError("rules", 0, $"rule id {clash.Key} is used {clash.Count()} times; ids must be unique"));
        }

        return errors.Count > 0 || latency is null
            ? (null, errors)
            : (new DetectionOracle(rules, latency.Value.ToTimeSpan(), limits, latencyQuotes, limitQuotes), errors);
    }

    private static Dictionary<string, List<Phase>> PhaseSets(FieldSet f, List<ScenarioError> errors)
    {
        var sets = new Dictionary<string, List<Phase>>(StringComparer.Ordinal);
        if (f.Take("phase_sets", required: false) is not { } node || FieldSet.Of(node, "phase_sets", errors) is not { } p)
        {
            return sets;
        }

        foreach (var entry in ((YamlMapping)node).Entries)
        {
            sets[entry.Key] = PhaseList(p, entry.Key, null) ?? [];
        }

        return sets;
    }

    private static OracleRule? Rule(YamlNode node, string path, Dictionary<string, List<Phase>> sets, List<ScenarioError> errors)
    {
        if (FieldSet.Of(node, path, errors) is not { } r)
        {
            return null;
        }

        var before = errors.Count;
        var id = r.Text("id", required: true);
        var classLine = r.LineOf("class");
        OracleClass? cls = r.Text("class", required: true) switch
        {
            null => null,
            "detect" => OracleClass.Detect,
            "tolerate" => OracleClass.Tolerate,
            "undetectable" => OracleClass.Undetectable,
            var other => Fail<OracleClass>(r, "class", classLine, $"'{other}' is not detect, tolerate or undetectable"),
        };
        var targets = Texts(r, "target", required: true);
        var kinds = Texts(r, "kind", required: true);
        var phases = PhaseList(r, "phases", sets) ?? [];
        var after = AfterRange(r);
        var parameters = Params(r, errors);
        var forCondition = For(r);
        var alarm = Alarm(r, errors);
        var safeLine = r.LineOf("safe_state");
        var safe = r.Text("safe_state", required: true) switch
        {
            null => (SafeStateExpectation?)null,
            "required" => SafeStateExpectation.Required,
            "forbidden" => SafeStateExpectation.Forbidden,
            "any" => SafeStateExpectation.Any,
            var other => Fail<SafeStateExpectation>(r, "safe_state", safeLine, $"'{other}' is not required, forbidden or any"),
        };
        var safeWithin = r.Time("safe_within", required: false, Duration.FromMilliseconds(100), Duration.FromHours(24));
        var never = PhaseList(r, "never_enters", null) ?? [];
        var limits = ParseLimits(r, "limits", errors) ?? TemperatureLimits.None;
        var cites = Texts(r, "cites", required: true);
        var quotes = Quotes(r, "quotes", errors);
        var why = r.Text("why", required: false) ?? "";
        r.RejectUnknown("a rule has id, class, target, kind, phases, after, params, for, alarm, safe_state, safe_within, never_enters, limits, cites, quotes, why");

        // The class and the expectations must agree: a detection names its alarm; tolerating a fault forbids the trip.
        if (cls == OracleClass.Detect && alarm is null)
        {
            r.Error("alarm", r.Line, "a detect rule names the alarm that must be raised");
        }

        if (cls == OracleClass.Tolerate && safe is not SafeStateExpectation.Forbidden)
        {
            r.Error("safe_state", safeLine, "a tolerate rule forbids the safe state (the fault must not trip)");
        }

        if (cls == OracleClass.Undetectable && alarm is not null)
        {
            r.Error("alarm", r.LineOf("alarm"), "an undetectable rule claims no alarm");
        }

        if (safe == SafeStateExpectation.Required && alarm is null && safeWithin is null)
        {
            r.Error("safe_within", safeLine, "safe_state: required needs a bound: an alarm or safe_within");
        }

        if (cites.Count == 0 || quotes.Count == 0)
        {
            r.Error("cites", r.Line, "a rule cites at least one requirement or hazard id and quotes the text it takes its figures from");
        }

        if (errors.Count > before || id is null || cls is null || safe is null)
        {
            return null;
        }

        return new OracleRule(id, cls.Value, targets, kinds, phases, after, parameters, forCondition, alarm, safe.Value,
            safeWithin?.ToTimeSpan(), never, limits, cites, quotes, why);
    }

    private static List<string> Texts(FieldSet f, string key, bool required)
    {
        var line = f.LineOf(key);
        switch (f.Take(key, required))
        {
            case null:
                return [];
            case YamlScalar s:
                return [s.Value];
            case YamlSequence list when list.Items.All(i => i is YamlScalar):
                return [.. list.Items.Cast<YamlScalar>().Select(i => i.Value)];
            case var other:
                f.Error(key, other.Line == 0 ? line : other.Line, $"expected a value or a list of values, found {other.Describe()}");
                return [];
        }
    }

    private static List<Phase>? PhaseList(FieldSet f, string key, Dictionary<string, List<Phase>>? sets)
    {
        var line = f.LineOf(key);
        var names = Texts(f, key, required: false);
        if (names.Count == 0)
        {
            return null;
        }

        var phases = new List<Phase>();
        foreach (var name in names)
        {
            if (sets is not null && sets.TryGetValue(name, out var set))
            {
                phases.AddRange(set);
            }
            else if (FaultParser.PhaseNamed(name) is { } phase)
            {
                phases.Add(phase);
            }
            else
            {
                f.Error(key, line, $"'{name}' is not a phase{(sets is null ? "" : " or a phase set (" + string.Join(", ", sets.Keys) + ")")}");
            }
        }

        return phases;
    }

    private static (TimeSpan, TimeSpan)? AfterRange(FieldSet f)
    {
        var line = f.LineOf("after");
        var bounds = Texts(f, "after", required: false);
        if (bounds.Count == 0)
        {
            return null;
        }

        if (bounds.Count != 2)
        {
            f.Error("after", line, "expected [min, max] durations");
            return null;
        }

        var min = FieldSet.ParseTime(bounds[0], Duration.Zero, Duration.FromHours(24), m => f.Error("after", line, m));
        var max = FieldSet.ParseTime(bounds[1], Duration.Zero, Duration.FromHours(24), m => f.Error("after", line, m));
        return min is { } a && max is { } b ? (a.ToTimeSpan(), b.ToTimeSpan()) : null;
    }

    private static ForCondition For(FieldSet f)
    {
        var line = f.LineOf("for");
        var values = Texts(f, "for", required: false);
        switch (values.Count)
        {
            case 0:
                return ForCondition.Either;
            case 1 when values[0] == "open":
                return new ForCondition(true, null, null);
            case 2:
                var min = FieldSet.ParseTime(values[0], Duration.FromMilliseconds(50), Duration.FromHours(24), m => f.Error("for", line, m));
                var max = FieldSet.ParseTime(values[1], Duration.FromMilliseconds(50), Duration.FromHours(24), m => f.Error("for", line, m));
                return new ForCondition(false, min?.ToTimeSpan(), max?.ToTimeSpan());
            default:
                f.Error("for", line, "expected open (open-ended faults only) or [min, max] durations");
                return ForCondition.Either;
        }
    }

    private static Dictionary<string, ParamRange> Params(FieldSet r, List<ScenarioError> errors)
    {
        var ranges = new Dictionary<string, ParamRange>(StringComparer.Ordinal);
        if (r.Take("params", required: false) is not YamlMapping m || FieldSet.Of(m, r.PathOf("params"), errors) is not { } p)
        {
            return ranges;
        }

        foreach (var entry in m.Entries)
        {
            var bounds = Texts(p, entry.Key, required: true);
            if (bounds.Count == 1)
            {
                bounds = [bounds[0], bounds[0]];
            }

            if (bounds.Count != 2
                || !double.TryParse(bounds[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                || !double.TryParse(bounds[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                || min > max)
            {
                p.Error(entry.Key, entry.KeyLine, "expected a number or [min, max] with min ≤ max");
                continue;
            }

            ranges[entry.Key] = new ParamRange(min, max, !bounds.Any(b => b.Contains('.', StringComparison.Ordinal)));
        }

        return ranges;
    }

    private static OracleAlarm? Alarm(FieldSet r, List<ScenarioError> errors)
    {
        if (r.Take("alarm", required: false) is not { } node || FieldSet.Of(node, r.PathOf("alarm"), errors) is not { } a)
        {
            return null;
        }

        var ids = Texts(a, "id", required: true);
        a.AlarmPriorityOrAny("priority", out var priority);
        var bound = a.Time("bound", required: true, Duration.Zero, Duration.FromHours(24));
        string? rampParam = null;
        double rampDistance = 0;
        if (a.Take("ramp", required: false) is { } rampNode && FieldSet.Of(rampNode, a.PathOf("ramp"), errors) is { } ramp)
        {
            rampParam = ramp.Text("param", required: true);
            rampDistance = ramp.Number("distance", required: true, 0, 1e6, "") ?? 0;
            ramp.RejectUnknown("ramp has param, distance");
        }

        a.RejectUnknown("alarm has id, priority, bound, ramp");
        return bound is { } b && ids.Count > 0 ? new OracleAlarm(ids, priority, b.ToTimeSpan(), rampParam, rampDistance) : null;
    }

    private static TemperatureLimits? ParseLimits(FieldSet f, string key, List<ScenarioError> errors)
    {
        if (f.Take(key, required: false) is not { } node || FieldSet.Of(node, f.PathOf(key), errors) is not { } l)
        {
            return null;
        }

        var limits = new TemperatureLimits(
            l.Number("abdomen_max_c", required: false, 30, 60, "°C"),
            l.Number("inflow_max_c", required: false, 30, 60, "°C"),
            l.Number("core_max_c", required: false, 30, 60, "°C"));
        l.RejectUnknown("limits are abdomen_max_c, inflow_max_c, core_max_c");
        return limits;
    }

    /// <summary>
    /// <c>quotes: { source: passage }</c>, or a list of passages when a rule takes figures from two places of one
    /// source (e.g. a lag and a noise bound of the plant description).
    /// </summary>
    private static List<KeyValuePair<string, string>> Quotes(FieldSet f, string key, List<ScenarioError> errors)
    {
        var quotes = new List<KeyValuePair<string, string>>();
        if (f.Take(key, required: false) is YamlMapping m && FieldSet.Of(m, f.PathOf(key), errors) is { } q)
        {
            foreach (var entry in m.Entries)
            {
                if (entry.Value is YamlSequence { Items.Count: > 0 } passages && passages.Items.All(i => i is YamlScalar))
                {
                    q.Take(entry.Key, required: true);
                    quotes.AddRange(passages.Items.Cast<YamlScalar>().Select(p => KeyValuePair.Create(entry.Key, p.Value)));
                }
                else if (q.Text(entry.Key, required: true) is { } text)
                {
                    quotes.Add(KeyValuePair.Create(entry.Key, text));
                }
            }
        }

        return quotes;
    }

    private static T? Fail<T>(FieldSet f, string key, int line, string message) where T : struct
    {
        f.Error(key, line, message);
        return null;
    }
}
