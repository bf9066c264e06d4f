namespace HipecSafe.Hil.Scenarios;

/// <summary>One problem found in a scenario file: the field's path (e.g. <c>faults[0].params.delta</c>), its line, and what is wrong.</summary>
public sealed record ScenarioError(string Field, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Field} (line {Line}): {Message}" : $"{Field}: {Message}";
}

/// <summary>Thrown when a scenario cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string source, IReadOnlyList<ScenarioError> errors)
        : base($"scenario '{source}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        ScenarioSource = source;
        Errors = errors;
    }

    public ScenarioException() : this("?", []) { }

    public ScenarioException(string message) : base(message) => Errors = [];

    public ScenarioException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>The file (or name) the scenario came from.</summary>
    public string? ScenarioSource { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }
}
