using System.Text.RegularExpressions;
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
    private const string TopLevelKeys = "a scenario has name, profile, seed, duration, operator, faults, expect";

    private const string Expected = "a scenario mapping (name, profile, seed, duration, operator, faults, expect)";

    /// <summary>Longest simulated run a scenario may ask for.</summary>
    public static readonly Duration MaxDuration = Duration.FromHours(24);

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
        var faults = Faults(f, duration ?? MaxDuration, errors);
        var expect = Expectations(f, errors);
        f.RejectUnknown(TopLevelKeys);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Scenario(name!, sourcePath, profileReference!, profile!, (int)seed!.Value, duration!.Value, op!.Value, faults, expect!), errors);
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
        e.RejectUnknown("expect has safe_state, within, hazard_logged, limits, completes");
        return errors.Count > errorsBefore || safeState is null || limits is null
            ? null
            : new ScenarioExpectations(safeState.Value, within, hazardLogged, limits, completes);
    }

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
