namespace HipecSafe.Devices.Modbus;

/// <summary>How a <see cref="ModbusRtuMaster"/> runs its bus (docs/icd.md defaults).</summary>
public sealed record ModbusMasterOptions
{
    public const int MaxRetries = 10;

    /// <summary>docs/icd.md §3: 30 ms, the Linux serial floor (System.IO.Ports rounds shorter read timeouts up to it).</summary>
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromMilliseconds(30);

    /// <summary>docs/icd.md §3: a lost or corrupt reply is retried once within the cycle.</summary>
    public const int DefaultRetries = 1;

    /// <summary>
    /// How long the master waits for a reply after sending a request. The wire time of the request and of the
    /// expected reply is added on top, so long frames at low baud rates are not cut short.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = DefaultResponseTimeout;

    /// <summary>
    /// Extra attempts after a failed one (lost, corrupt, foreign or malformed reply, transport error); exception
    /// replies are not retried. A transaction fails only when its last attempt fails, and the controller's rule
    /// (3 consecutive failed transactions with one board = communication fault) counts transactions, so with one
    /// retry independent frame errors need six failed attempts in a row to trip it instead of three.
    /// </summary>
    public int Retries { get; init; } = DefaultRetries;

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
