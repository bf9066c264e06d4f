using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>
/// Plain register arrays (holding 0..n-1, input 0..m-1) with an optional per-register value check: enough for tests
/// and for board emulators that keep their registers here and update inputs from the plant model. Thread-safe.
/// </summary>
public sealed class InMemoryRegisterBank : IModbusRegisterBank
{
    private readonly object _gate = new();
    private readonly ushort[] _holding;
    private readonly ushort[] _input;
    private readonly Func<ushort, ushort, bool>? _isLegalHoldingValue;

    /// <param name="holdingCount">Holding registers 0..holdingCount-1 exist.</param>
    /// <param name="inputCount">Input registers 0..inputCount-1 exist.</param>
    /// <param name="isLegalHoldingValue">(address, value) → may this value be written there? Null = any value.</param>
    public InMemoryRegisterBank(int holdingCount, int inputCount, Func<ushort, ushort, bool>? isLegalHoldingValue = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(holdingCount);
        ArgumentOutOfRangeException.ThrowIfNegative(inputCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdingCount, 0x10000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputCount, 0x10000);
        _holding = new ushort[holdingCount];
        _input = new ushort[inputCount];
        _isLegalHoldingValue = isLegalHoldingValue;
    }

    public int HoldingCount => _holding.Length;

    public int InputCount => _input.Length;

    public ushort GetHolding(ushort address)
    {
        lock (_gate)
        {
            return _holding[CheckAddress(address, _holding.Length, "holding")];
        }
    }

    public ushort[] HoldingSnapshot()
    {
        lock (_gate)
        {
            return (ushort[])_holding.Clone();
        }
    }

    public ushort GetInput(ushort address)
    {
        lock (_gate)
        {
            return _input[CheckAddress(address, _input.Length, "input")];
        }
    }

    public void SetInput(ushort address, ushort value)
    {
        lock (_gate)
        {
            _input[CheckAddress(address, _input.Length, "input")] = value;
        }
    }

    /// <summary>Sets consecutive input registers at once, so a reader never sees half an update.</summary>
    public void SetInputs(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            if (startAddress + values.Length > _input.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(values), values.Length,
                    $"input registers {startAddress}..{startAddress + values.Length - 1} exceed the bank's {_input.Length}");
            }

            values.CopyTo(_input.AsSpan(startAddress));
        }
    }

    /// <summary>Sets a holding register directly (emulator side, bypassing the value check).</summary>
    public void SetHolding(ushort address, ushort value)
    {
        lock (_gate)
        {
            _holding[CheckAddress(address, _holding.Length, "holding")] = value;
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination) =>
        Read(_holding, startAddress, destination);

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination) =>
        Read(_input, startAddress, destination);

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            if (startAddress + values.Length > _holding.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            // Check every value before changing any: a refused write changes nothing.
            for (var i = 0; i < values.Length; i++)
            {
                if (_isLegalHoldingValue is { } isLegal && !isLegal((ushort)(startAddress + i), values[i]))
                {
                    return ModbusExceptionCode.IllegalDataValue;
                }
            }

            values.CopyTo(_holding.AsSpan(startAddress));
            return null;
        }
    }

    private ModbusExceptionCode? Read(ushort[] registers, ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > registers.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            registers.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    private static int CheckAddress(ushort address, int count, string table) => address < count
        ? address
        : throw new ArgumentOutOfRangeException(nameof(address), address, $"{table} register {address} does not exist (bank has {count})");
}
