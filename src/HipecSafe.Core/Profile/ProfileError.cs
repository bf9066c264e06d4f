namespace HipecSafe.Core.Profile;

/// <summary>One problem found in a profile file: the field's path, where it is, and what is wrong.</summary>
public sealed record ProfileError(string Field, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Field} (line {Line}): {Message}" : $"{Field}: {Message}";
}

/// <summary>Thrown when a profile cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException(string source, IReadOnlyList<ProfileError> errors)
        : base($"profile '{source}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Source = source;
        Errors = errors;
    }

    public ProfileException() : this("?", []) { }

    public ProfileException(string message) : base(message) => Errors = [];

    public ProfileException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public new string? Source { get; }

    public IReadOnlyList<ProfileError> Errors { get; }
}
