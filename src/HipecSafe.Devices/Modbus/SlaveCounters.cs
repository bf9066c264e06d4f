namespace HipecSafe.Devices.Modbus;

/// <summary>Mutable tally behind <see cref="SlaveStatistics"/>; only touched under the master's bus lock.</summary>
internal sealed class SlaveCounters(byte unit)
{
    private readonly Dictionary<ModbusFailureKind, long> _failuresByKind = [];
    private long _transactions;
    private long _succeeded;
    private long _failed;
    private int _consecutiveFailures;
    private long _attempts;
    private long _retried;
    private ModbusFailure? _lastFailure;

    public int ConsecutiveFailures => _consecutiveFailures;

    public void TransactionStarted() => _transactions++;

    public void AttemptStarted(bool isRetry)
    {
        _attempts++;
        if (isRetry)
        {
            _retried++;
        }
    }

    public void AttemptFailed(ModbusFailure failure)
    {
        _failuresByKind[failure.Kind] = _failuresByKind.GetValueOrDefault(failure.Kind) + 1;
        _lastFailure = failure;
    }

    public void TransactionEnded(ModbusResult result)
    {
        if (result.IsSuccess)
        {
            _succeeded++;
            _consecutiveFailures = 0;
        }
        else
        {
            _failed++;
            _consecutiveFailures++;
        }
    }

    public SlaveStatistics Snapshot() => new(unit, _transactions, _succeeded, _failed, _consecutiveFailures, _attempts, _retried,
        new Dictionary<ModbusFailureKind, long>(_failuresByKind), _lastFailure);
}
