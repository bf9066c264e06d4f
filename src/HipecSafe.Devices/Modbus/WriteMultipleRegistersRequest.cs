namespace HipecSafe.Devices.Modbus;

/// <summary>FC 0x10: write 1..123 consecutive holding registers. The normal reply echoes start and quantity.</summary>
public sealed record WriteMultipleRegistersRequest : ModbusRequest
{
    private readonly ushort[] _values;

    public WriteMultipleRegistersRequest(byte unit, ushort startAddress, ReadOnlySpan<ushort> values)
        : base(unit, ModbusFunctionCode.WriteMultipleRegisters)
    {
        CheckRange(startAddress, values.Length, ModbusLimits.MaxWriteQuantity, nameof(values));
        StartAddress = startAddress;
        _values = values.ToArray();
    }

    public ushort StartAddress { get; }

    public IReadOnlyList<ushort> Values => _values;

    /// <summary>The values as a read-only span: lets a receiver use them without copying them into an array of its own.</summary>
    public ReadOnlySpan<ushort> ValueSpan => _values;

    public ushort Quantity => (ushort)_values.Length;

    public override int ExpectedReplyLength => 8;

    public override byte[] Encode()
    {
        // start (2), quantity (2), byte count (1), values (2 each). Built on the stack (at most 251 bytes) so that a
        // write, sent every cycle, costs one array: the frame.
        Span<byte> data = stackalloc byte[5 + (2 * ModbusLimits.MaxWriteQuantity)];
        data = data[..(5 + (2 * _values.Length))];
        RtuFrame.PutWord(data, 0, StartAddress);
        RtuFrame.PutWord(data, 2, Quantity);
        data[4] = (byte)(2 * _values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            RtuFrame.PutWord(data, 5 + (2 * i), _values[i]);
        }

        return RtuFrame.Build(Unit, (byte)Function, data);
    }

    // Records compare arrays by reference; two requests are equal when they write the same values.
    public bool Equals(WriteMultipleRegistersRequest? other) =>
        other is not null && base.Equals(other) && StartAddress == other.StartAddress && _values.AsSpan().SequenceEqual(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(StartAddress);
        foreach (var v in _values)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }

    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Unit = {Unit}, StartAddress = {StartAddress}, Values = [{string.Join(", ", _values)}]");
        return true;
    }
}
