using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// Sits between the actuator board's Modbus slave and its emulator and notes, on the boards' clock, when the master
/// last wrote a heartbeat that differs from the one before: the start of the board watchdog's 500 ms, which the
/// bus-loss measurements are taken from. Everything else passes straight through.
/// </summary>
internal sealed class HeartbeatClock(IModbusRegisterBank board, Func<TimeSpan> now) : IModbusRegisterBank
{
    private readonly object _gate = new();
    private ushort? _last;
    private TimeSpan? _changedAt;

    /// <summary>Boards' clock time of the last heartbeat change; null before the first heartbeat.</summary>
    public TimeSpan? LastChangeAt
    {
        get
        {
            lock (_gate)
            {
                return _changedAt;
            }
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination) =>
        board.ReadHoldingRegisters(startAddress, destination);

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination) =>
        board.ReadInputRegisters(startAddress, destination);

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        var refused = board.WriteHoldingRegisters(startAddress, values);
        var offset = ActuatorBoardRegisters.Heartbeat - startAddress;
        if (refused is null && offset >= 0 && offset < values.Length)
        {
            lock (_gate)
            {
                if (_last != values[offset])
                {
                    _last = values[offset];
                    _changedAt = now();
                }
            }
        }

        return refused;
    }
}
