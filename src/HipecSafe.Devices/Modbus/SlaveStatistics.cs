namespace HipecSafe.Devices.Modbus;

/// <summary>
/// What the master has seen of one unit. <see cref="ConsecutiveFailures"/> counts failed transactions in a row
/// (reset by a success): the controller declares a communication fault at 3. <see cref="Attempts"/> counts every
/// request sent, retries included; <see cref="Retries"/> the retries alone. <see cref="FailuresByKind"/> counts every
/// failed attempt, retries included, so each malformed, truncated or corrupted frame is on record even when its
/// retry saved the transaction.
/// </summary>
public sealed record SlaveStatistics(
    byte Unit,
    long Transactions,
    long Succeeded,
    long Failed,
    int ConsecutiveFailures,
    long Attempts,
    long Retries,
    IReadOnlyDictionary<ModbusFailureKind, long> FailuresByKind,
    ModbusFailure? LastFailure)
{
    public static SlaveStatistics Empty(byte unit) => new(unit, 0, 0, 0, 0, 0, 0, new Dictionary<ModbusFailureKind, long>(), null);

    /// <summary>Failed attempts of one kind.</summary>
    public long FailuresOf(ModbusFailureKind kind) => FailuresByKind.GetValueOrDefault(kind);
}
