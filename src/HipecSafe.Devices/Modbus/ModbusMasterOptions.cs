namespace HipecSafe.Devices.Modbus;

/// <summary>How a <see cref="ModbusRtuMaster"/> runs its bus (docs/icd.md defaults).</summary>
public sealed record ModbusMasterOptions
{
    public const int MaxRetries = 10;

    /// <summary>
    /// How long the master waits for a reply after sending a request. The wire time of the request and of the
    /// expected reply is added on top, so long frames at low baud rates are not cut short.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Extra attempts after a failed one. Default 0: the controller sees every failure and applies its own rule
    /// (3 consecutive failed transactions with one board = communication fault). Exception replies are not retried.
    /// </summary>
    public int Retries { get; init; }

    /// <summary>Line timing (inter-frame silence, wire time); must match the port's baud rate.</summary>
    public SerialLineTiming Timing { get; init; } = SerialLineTiming.Default;

    internal void Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseTimeout), ResponseTimeout, "response timeout must be positive");
        }

        if (Retries is < 0 or > MaxRetries)
        {
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, $"retries must be 0..{MaxRetries}");
        }

        ArgumentNullException.ThrowIfNull(Timing);
    }
}
