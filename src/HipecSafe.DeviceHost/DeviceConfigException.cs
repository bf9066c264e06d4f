namespace HipecSafe.DeviceHost;

/// <summary>A configuration file that cannot be used, with every problem found (field, line, what is wrong).</summary>
public sealed class DeviceConfigException : Exception
{
    public DeviceConfigException()
        : this("(config)", [])
    {
    }

    public DeviceConfigException(string message)
        : this("(config)", [message])
    {
    }

    public DeviceConfigException(string message, Exception inner)
        : base(message, inner)
    {
        Source = "(config)";
        Problems = [message];
    }

    public DeviceConfigException(string source, IReadOnlyList<string> problems)
        : base($"{source}: {problems.Count} problem(s) in the device configuration:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Source = source;
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
