namespace HipecSafe.Devices.Modbus;

/// <summary>FC 0x03 (holding) or FC 0x04 (input): read <see cref="Quantity"/> registers from <see cref="StartAddress"/>.</summary>
public sealed record ReadRegistersRequest : ModbusRequest
{
    public ReadRegistersRequest(byte unit, ModbusFunctionCode function, ushort startAddress, ushort quantity)
        : base(unit, function)
    {
        if (function is not (ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "a register read is FC 0x03 or FC 0x04");
        }

        CheckRange(startAddress, quantity, ModbusLimits.MaxReadQuantity, nameof(quantity));
        StartAddress = startAddress;
        Quantity = quantity;
    }

    public ushort StartAddress { get; }

    public ushort Quantity { get; }

    /// <summary>Address, function, byte count, 2 bytes per register, CRC.</summary>
    public override int ExpectedReplyLength => 5 + (2 * Quantity);

    public override byte[] Encode()
    {
        Span<byte> data = stackalloc byte[4];
        RtuFrame.PutWord(data, 0, StartAddress);
        RtuFrame.PutWord(data, 2, Quantity);
        return RtuFrame.Build(Unit, (byte)Function, data);
    }

    /// <summary>The same bytes every time: a read names only unit, function and range, so it is built once.</summary>
    public override ReadOnlySpan<byte> Frame => _frame ??= Encode();

    private byte[]? _frame;
}
