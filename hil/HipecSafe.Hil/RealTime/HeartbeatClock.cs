using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Bus.Modbus;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// Sits between the actuator board's Modbus slave and its emulator. Before each master write it brings the board's
/// clock up to the moment the write arrives, as a real board's firmware would timestamp it: the emulator's logic
/// otherwise knows only the time of its last 50 ms step, and after a late step a fresh heartbeat would look older
/// than it is and latch the board for nothing. It also notes when the heartbeat last changed and the longest gap
/// between changes, for the bus-loss measurements.
/// </summary>
internal sealed class HeartbeatClock(ActuatorBoardEmulator board, Func<TimeSpan> now) : IModbusRegisterBank
{
    private readonly object _gate = new();
    private ushort? _last;
    private TimeSpan? _changedAt;
    private TimeSpan _longestGap;

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

    /// <summary>Longest time between two heartbeat changes so far (a watchdog latch follows one over 500 ms).</summary>
    public TimeSpan LongestGap
    {
        get
        {
            lock (_gate)
            {
                return _longestGap;
            }
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination) =>
        board.ReadHoldingRegisters(startAddress, destination);

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination) =>
        board.ReadInputRegisters(startAddress, destination);

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        var arrived = now();
        board.Step(arrived, board.Logic.LimiterTemperature);
        var refused = board.WriteHoldingRegisters(startAddress, values);
        var offset = ActuatorBoardRegisters.Heartbeat - startAddress;
        if (refused is null && offset >= 0 && offset < values.Length)
        {
            lock (_gate)
            {
                if (_last != values[offset])
                {
                    if (_changedAt is { } previous && arrived - previous > _longestGap)
                    {
                        _longestGap = arrived - previous;
                    }

                    _last = values[offset];
                    _changedAt = arrived;
                }
            }
        }

        return refused;
    }
}
