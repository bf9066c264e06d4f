using System.Text.RegularExpressions;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Yaml;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Loads a fault-injection scenario (docs/scenario-format.md) and validates all of it — keys, durations, targets,
/// kinds and their parameters, expectations, the profile it names — reporting every problem with its field path and
/// line, so a bad scenario fails before any simulation starts.
/// </summary>
public static partial class ScenarioLoader
{
    private const string TopLevelKeys = "a scenario has name, profile, seed, duration, operator, operator_script, faults, expect";

    private const string Expected = "a scenario mapping (name, profile, seed, duration, operator, operator_script, faults, expect)";

    /// <summary>Longest simulated run a scenario may ask for.</summary>
    public static readonly Duration MaxDuration = Duration.FromHours(24);

    /// <summary><c>chemo_clock: { max_counted_without_flow }</c>: chemo time allowed in cycles without flow (0s = none).</summary>
    private static ChemoClockExpectation? ChemoClock(FieldSet e, List<ScenarioError> errors)
    {
        if (e.Take("chemo_clock", required: false) is not { } node || FieldSet.Of(node, "expect.chemo_clock", errors) is not { } c)
        {
            return null;
        }

        var max = c.Time("max_counted_without_flow", required: true, Duration.Zero, MaxDuration);
        c.RejectUnknown("chemo_clock has max_counted_without_flow");
        return max is { } m ? new ChemoClockExpectation(m) : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Loads and validates a scenario file; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static Scenario Load(string path)
    {
        var (scenario, errors) = TryLoad(path);
        return scenario ?? throw new ScenarioException(path, errors);
    }

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new ScenarioError("(file)", 0, $"cannot read {path}: {e.Message}")]);
        }

        return TryParse(text, path);
    }

    /// <summary>
    /// Parses scenario text. <paramref name="sourcePath"/> names it in messages, and a relative <c>profile:</c> path is
    /// resolved against its directory.
    /// </summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryParse(string text, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var problems = new List<YamlProblem>();
        var root = YamlTreeReader.ReadMapping(text, Expected, problems);
        var errors = problems.Select(p => new ScenarioError(p.Field, p.Line, p.Message)).ToList();
        if (root is null || FieldSet.Of(root, "", errors) is not { } f)
        {
            return (null, errors);
        }

        var name = Name(f);
        var profileLine = f.LineOf("profile");
        var profileReference = f.Text("profile", required: true);
        var profile = profileReference is null ? null : LoadProfile(profileReference, sourcePath, profileLine, errors);
        var seed = f.Integer("seed", required: true, int.MinValue, int.MaxValue, "");
        var duration = f.Time("duration", required: true, Duration.FromMilliseconds(100), MaxDuration);
        var op = Operator(f);
        var script = Script(f, duration ?? MaxDuration, errors);
        var faults = Faults(f, duration ?? MaxDuration, errors);
        var expect = Expectations(f, errors);
        f.RejectUnknown(TopLevelKeys);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Scenario(name!, sourcePath, profileReference!, profile!, (int)seed!.Value, duration!.Value, op!.Value, faults, expect!, script), errors);
    }

    private static string? Name(FieldSet f)
    {
        var line = f.LineOf("name");
        var name = f.Text("name", required: true);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            // The name becomes a folder of the campaign output and a JUnit test case: keep it to a safe alphabet.
            f.Error("name", line, $"'{name}' is not a valid scenario name; use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit");
            return null;
        }

        return name;
    }

    private static TreatmentProfile? LoadProfile(string reference, string sourcePath, int line, List<ScenarioError> errors)
    {
        if (reference == "default")
        {
            return ProfileLoader.EmbeddedDefault;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".";
        var path = Path.GetFullPath(Path.Combine(directory, reference));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError("profile", line, $"cannot read profile '{reference}' ({path}): {e.Message}; use 'default' or a path relative to the scenario file"));
            return null;
        }

        var (profile, problems) = ProfileLoader.TryParse(text);
        errors.AddRange(problems.Select(p => new ScenarioError("profile", line, $"profile '{reference}' is invalid: {p}")));
        return profile;
    }

    private static ScenarioOperator? Operator(FieldSet f)
    {
        var line = f.LineOf("operator");
        return f.Text("operator", required: true) switch
        {
            null => null,
            "auto" => ScenarioOperator.Auto,
            var other => Refuse(f, "operator", line,
                $"operator '{other}' is not supported: the rig has only 'auto' (confirms every step as a careful operator would, never resets a safe state)"),
        };
    }

    private static List<FaultSpec> Faults(FieldSet f, Duration duration, List<ScenarioError> errors)
    {
        switch (f.Take("faults", required: false))
        {
            case null:
                return [];
            case YamlSequence list:
                var faults = new List<FaultSpec>();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (FaultParser.Parse(list.Items[i], i, duration, errors) is { } fault)
                    {
                        faults.Add(fault);
                    }
                }

                return faults;
            case var other:
                f.Error("faults", other.Line, $"expected a list of faults (each '- at: ...'), found {other.Describe()}");
                return [];
        }
    }

    private static readonly Dictionary<string, ScriptedAction> ScriptActions = new(StringComparer.Ordinal)
    {
        ["pause"] = ScriptedAction.Pause,
        ["resume"] = ScriptedAction.Resume,
        ["acknowledge"] = ScriptedAction.Acknowledge,
        ["refuse"] = ScriptedAction.Refuse,
    };

    /// <summary>The steps an operator can refuse (<c>refuse</c>'s <c>step</c>): the procedure steps the careful operator presses.</summary>
    private static readonly Dictionary<string, OperatorAction> RefusableSteps = new(StringComparer.Ordinal)
    {
        ["start_priming"] = OperatorAction.StartPriming,
        ["confirm_leak_check"] = OperatorAction.ConfirmLeakCheck,
        ["add_drug"] = OperatorAction.AddDrug,
        ["acknowledge"] = OperatorAction.AcknowledgeAlarms,
    };

    private static List<OperatorStep> Script(FieldSet f, Duration duration, List<ScenarioError> errors)
    {
        var steps = new List<OperatorStep>();
        switch (f.Take("operator_script", required: false))
        {
            case null:
                return steps;
            case YamlSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (FieldSet.Of(list.Items[i], $"operator_script[{i}]", errors) is not { } s)
                    {
                        continue;
                    }

                    var errorsBefore = errors.Count;
                    var at = FaultParser.ParseTrigger(s, duration, errors);
                    var actionLine = s.LineOf("action");
                    var actionName = s.Text("action", required: true);
                    ScriptedAction? action = null;
                    if (actionName is not null)
                    {
                        if (ScriptActions.TryGetValue(actionName, out var a))
                        {
                            action = a;
                        }
                        else
                        {
                            s.Error("action", actionLine, $"'{actionName}' is not an operator action; actions are {string.Join(", ", ScriptActions.Keys)}");
                        }
                    }

                    OperatorAction? refused = null;
                    if (action == ScriptedAction.Refuse)
                    {
                        var stepLine = s.LineOf("step");
                        if (s.Text("step", required: true) is { } stepName)
                        {
                            if (RefusableSteps.TryGetValue(stepName, out var r))
                            {
                                refused = r;
                            }
                            else
                            {
                                s.Error("step", stepLine, $"'{stepName}' is not a step the operator presses; refuse one of {string.Join(", ", RefusableSteps.Keys)}");
                            }
                        }
                    }
                    else if (action is not null && s.Has("step"))
                    {
                        s.Error("step", s.LineOf("step"), $"applies only to action: refuse (here the action is {actionName})");
                        s.Take("step", required: false);
                    }

                    s.RejectUnknown("an operator step has at, action and, for refuse, step");
                    if (errors.Count == errorsBefore && at is not null && action is not null)
                    {
                        steps.Add(new OperatorStep(i, at, action.Value, refused));
                    }
                }

                return steps;
            case var other:
                f.Error("operator_script", other.Line, $"expected a list of operator steps (each '- at: ..., action: pause|resume|acknowledge|refuse'), found {other.Describe()}");
                return steps;
        }
    }

    private static ScenarioExpectations? Expectations(FieldSet f, List<ScenarioError> errors)
    {
        if (f.Take("expect", required: true) is not { } node || FieldSet.Of(node, "expect", errors) is not { } e)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var safeLine = e.LineOf("safe_state");
        var safeState = e.Text("safe_state", required: true) switch
        {
            null => (SafeStateExpectation?)null,
            "required" => SafeStateExpectation.Required,
            "forbidden" => SafeStateExpectation.Forbidden,
            "any" => SafeStateExpectation.Any,
            var other => Refuse<SafeStateExpectation>(e, "safe_state", safeLine, $"'{other}' is not required, forbidden or any"),
        };
        var withinLine = e.LineOf("within");
        var within = e.Time("within", required: false, Duration.FromMilliseconds(100), MaxDuration);
        if (safeState == SafeStateExpectation.Required && within is null && !e.Has("within"))
        {
            e.Error("within", e.LineOf("safe_state"), "is required with safe_state: required (a safe state without a time bound cannot be checked)");
        }
        else if (safeState is SafeStateExpectation.Forbidden or SafeStateExpectation.Any && e.Has("within"))
        {
            e.Error("within", withinLine, $"applies only to safe_state: required (here safe_state is {safeState.Value.ToString().ToLowerInvariant()})");
        }

        var hazardLogged = e.Flag("hazard_logged", required: false);
        var limits = Limits(e, errors);
        var completes = e.Flag("completes", required: false);
        var neverEnters = NeverEnters(e);
        var alarm = Alarm(e, errors);
        var chemoClock = ChemoClock(e, errors);
        e.RejectUnknown("expect has safe_state, within, hazard_logged, limits, completes, never_enters, alarm, chemo_clock");
        return errors.Count > errorsBefore || safeState is null || limits is null
            ? null
            : new ScenarioExpectations(safeState.Value, within, hazardLogged, limits, completes, neverEnters, alarm, chemoClock);
    }

    /// <summary><c>never_enters: [Phase, ...]</c>: phases the procedure must not enter during the run.</summary>
    private static List<Phase>? NeverEnters(FieldSet e)
    {
        var line = e.LineOf("never_enters");
        switch (e.Take("never_enters", required: false))
        {
            case null:
                return null;
            case YamlSequence list when list.Items.Count > 0:
                var phases = new List<Phase>();
                foreach (var item in list.Items)
                {
                    if (item is YamlScalar { Value: var name } && FaultParser.PhaseNamed(name) is { } phase)
                    {
                        if (phases.Contains(phase))
                        {
                            e.Error("never_enters", item.Line, $"{phase} is listed twice");
                        }

                        phases.Add(phase);
                    }
                    else
                    {
                        e.Error("never_enters", item.Line, $"{(item is YamlScalar s ? $"'{s.Value}'" : item.Describe())} is not a phase; phases are {string.Join(", ", Enum.GetNames<Phase>())}");
                    }
                }

                return phases;
            case var other:
                e.Error("never_enters", other.Line == 0 ? line : other.Line, $"expected a non-empty list of phases (e.g. [ChemoPerfusion]), found {other.Describe()}");
                return null;
        }
    }

    /// <summary><c>alarm: { id, priority, within }</c>; <c>id</c> is one alarm ID or a list of IDs of which any one will do.</summary>
    private static AlarmExpectation? Alarm(FieldSet e, List<ScenarioError> errors)
    {
        if (e.Take("alarm", required: false) is not { } node || FieldSet.Of(node, "expect.alarm", errors) is not { } a)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var idLine = a.LineOf("id");
        var ids = new List<string>();
        switch (a.Take("id", required: true))
        {
            case null:
                break;
            case YamlScalar scalar:
                ids.Add(scalar.Value);
                break;
            case YamlSequence list when list.Items.Count > 0 && list.Items.All(i => i is YamlScalar):
                ids.AddRange(list.Items.Cast<YamlScalar>().Select(i => i.Value));
                break;
            case var other:
                a.Error("id", other.Line == 0 ? idLine : other.Line, $"expected an alarm ID (e.g. IL-AIR) or a non-empty list of IDs, found {other.Describe()}");
                break;
        }

        foreach (var id in ids.Where(i => !AlarmIdPattern().IsMatch(i)))
        {
            a.Error("id", idLine, $"'{id}' is not an alarm ID; IDs are upper-case words joined by '-' (e.g. IL-ABDOMEN-HIGH, CRASH-alarms, SAFE-STATE), optionally ending in '*' to match any rest (IL-PUMP-*)");
        }

        var priorityRead = a.AlarmPriorityOrAny("priority", out var priority);
        var within = a.Time("within", required: true, Duration.FromMilliseconds(100), MaxDuration);
        a.RejectUnknown("alarm has id, priority, within");
        return errors.Count > errorsBefore || ids.Count == 0 || !priorityRead || within is null
            ? null
            : new AlarmExpectation(ids, priority, within.Value);
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)*(-?\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AlarmIdPattern();

    private static TemperatureLimits? Limits(FieldSet e, List<ScenarioError> errors)
    {
        if (e.Take("limits", required: false) is not { } node)
        {
            return TemperatureLimits.None;
        }

        if (FieldSet.Of(node, "expect.limits", errors) is not { } l)
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

    private static ScenarioOperator? Refuse(FieldSet f, string key, int line, string message)
    {
        f.Error(key, line, message);
        return null;
    }

    private static T? Refuse<T>(FieldSet f, string key, int line, string message) where T : struct
    {
        f.Error(key, line, message);
        return null;
    }
}
