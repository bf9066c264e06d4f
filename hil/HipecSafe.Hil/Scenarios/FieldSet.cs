using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Yaml;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// The fields of one mapping in a scenario file, read by name: each typed read appends an error naming the field's
/// path and line when the value is missing, of the wrong type or out of range, and <see cref="RejectUnknown"/>
/// reports every key nobody read (unknown keys are an error: a misspelt key must not be silently ignored).
/// </summary>
internal sealed class FieldSet
{
    private readonly YamlMapping _mapping;
    private readonly List<ScenarioError> _errors;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    private FieldSet(YamlMapping mapping, string path, List<ScenarioError> errors)
    {
        _mapping = mapping;
        PathPrefix = path;
        _errors = errors;
    }

    public string PathPrefix { get; }

    public int Line => _mapping.Line;

    /// <summary>The node as a mapping, or null with an error naming <paramref name="path"/> when it is something else.</summary>
    public static FieldSet? Of(YamlNode node, string path, List<ScenarioError> errors)
    {
        switch (node)
        {
            case YamlMapping mapping:
                return new FieldSet(mapping, path, errors);
            case YamlUnreadable:
                return null; // the reader has said why
        }

        errors.Add(new ScenarioError(path.Length == 0 ? "(document)" : path, node.Line, $"expected a mapping of fields, found {node.Describe()}"));
        return null;
    }

    public string PathOf(string key) => PathPrefix.Length == 0 ? key : $"{PathPrefix}.{key}";

    public bool Has(string key) => _mapping.Entries.Any(e => e.Key == key);

    /// <summary>The line of <paramref name="key"/>, or of the mapping when the key is absent.</summary>
    public int LineOf(string key) => _mapping.Entries.FirstOrDefault(e => e.Key == key)?.KeyLine ?? _mapping.Line;

    /// <summary>The value of <paramref name="key"/> (marking it read); null and, when <paramref name="required"/>, an error if absent.</summary>
    public YamlNode? Take(string key, bool required)
    {
        _taken.Add(key);
        var entry = _mapping.Entries.FirstOrDefault(e => e.Key == key);
        if (entry?.Value is YamlUnreadable)
        {
            return null; // the reader has said why: not "is required" on top
        }

        if (entry is null || entry.Value is YamlScalar { IsNull: true })
        {
            if (required)
            {
                Error(key, entry?.KeyLine ?? _mapping.Line, entry is null ? "is required" : "is required and has no value");
            }

            return null;
        }

        return entry.Value;
    }

    public void Error(string key, int line, string message) => _errors.Add(new ScenarioError(PathOf(key), line, message));

    /// <summary>A single value as text.</summary>
    public string? Text(string key, bool required)
    {
        if (Take(key, required) is not { } node)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        Error(key, node.Line, $"expected a single value, found {node.Describe()}");
        return null;
    }

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double? Number(string key, bool required, double min, double max, string unit)
    {
        var line = LineOf(key);
        if (Text(key, required) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(key, line, $"'{text}' is not a number");
            return null;
        }

        if (value < min || value > max)
        {
            Error(key, line, $"{WithUnit(value, unit)} is out of range; it must be between {WithUnit(min, unit)} and {WithUnit(max, unit)}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? Integer(string key, bool required, long min, long max, string unit)
    {
        var line = LineOf(key);
        if (Text(key, required) is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, line, $"'{text}' is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Error(key, line, $"{WithUnit(value, unit)} is out of range; it must be between {WithUnit(min, unit)} and {WithUnit(max, unit)}");
            return null;
        }

        return value;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool? Flag(string key, bool required)
    {
        var line = LineOf(key);
        return Text(key, required) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => Fail(key, line, $"'{other}' is not true or false"),
        };
    }

    /// <summary>
    /// An alarm priority: <c>high</c>, <c>medium</c>, <c>low</c>, or <c>any</c> (null: every priority matches). False when
    /// the field is missing or none of these (the error is recorded).
    /// </summary>
    public bool AlarmPriorityOrAny(string key, out AlarmPriority? priority)
    {
        var line = LineOf(key);
        priority = null;
        switch (Text(key, required: true))
        {
            case null:
                return false;
            case "any":
                return true;
            case "high":
                priority = AlarmPriority.High;
                return true;
            case "medium":
                priority = AlarmPriority.Medium;
                return true;
            case "low":
                priority = AlarmPriority.Low;
                return true;
            case var other:
                Error(key, line, $"'{other}' is not high, medium, low or any");
                return false;
        }
    }

    /// <summary>A duration in the scenario syntax (<c>500ms</c>, <c>30s</c>, <c>10m</c>, <c>1h30m</c>) within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Duration? Time(string key, bool required, Duration min, Duration max)
    {
        var line = LineOf(key);
        return Text(key, required) is { } text ? ParseTime(text, min, max, m => Error(key, line, m)) : null;
    }

    /// <summary>Parses a duration, reporting a bad one through <paramref name="report"/>.</summary>
    public static Duration? ParseTime(string text, Duration min, Duration max, Action<string> report)
    {
        if (!DurationText.TryParse(text, out var duration, out var error))
        {
            report(error);
            return null;
        }

        if (duration < min || duration > max)
        {
            report($"{DurationText.Format(duration)} is out of range; it must be between {DurationText.Format(min)} and {DurationText.Format(max)}");
            return null;
        }

        return duration;
    }

    /// <summary>Reports every key that was not read: unknown keys are an error.</summary>
    public void RejectUnknown(string allowedHint)
    {
        foreach (var entry in _mapping.Entries.Where(e => !_taken.Contains(e.Key)))
        {
            _errors.Add(new ScenarioError(PathOf(entry.Key), entry.KeyLine, $"unknown key '{entry.Key}' ({allowedHint})"));
        }
    }

    private static string WithUnit(double value, string unit) =>
        unit.Length == 0 ? value.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{value} {unit}");

    private bool? Fail(string key, int line, string message)
    {
        Error(key, line, message);
        return null;
    }
}
