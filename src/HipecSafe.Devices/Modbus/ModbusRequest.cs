namespace HipecSafe.Devices.Modbus;

/// <summary>
/// A request a master sends to one unit. Each kind knows its RTU encoding and the length of the normal reply, which
/// is how replies are delimited (docs/icd.md: FC03/04 reply = 5 + 2N bytes, FC06/FC16 reply = 8).
/// </summary>
public abstract record ModbusRequest
{
    private protected ModbusRequest(byte unit, ModbusFunctionCode function)
    {
        if (unit > ModbusLimits.MaxUnitAddress)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit,
                $"unit address must be {ModbusLimits.BroadcastAddress} (broadcast) or {ModbusLimits.MinUnitAddress}..{ModbusLimits.MaxUnitAddress}");
        }

        Unit = unit;
        Function = function;
    }

    public byte Unit { get; }

    public ModbusFunctionCode Function { get; }

    /// <summary>Length in bytes of the normal (non-exception) reply frame, CRC included.</summary>
    public abstract int ExpectedReplyLength { get; }

    /// <summary>The complete RTU frame, CRC included.</summary>
    public abstract byte[] Encode();

    /// <summary>The request's bytes on the wire, for the master to send (a fresh <see cref="Encode"/> unless the request can keep them).</summary>
    public virtual ReadOnlySpan<byte> Frame => Encode();

    internal static void CheckRange(ushort start, int quantity, int maxQuantity, string quantityName)
    {
        if (quantity < 1 || quantity > maxQuantity)
        {
            throw new ArgumentOutOfRangeException(quantityName, quantity, $"register quantity must be 1..{maxQuantity}");
        }

        if (start + quantity > 0x10000)
        {
            throw new ArgumentOutOfRangeException(quantityName, quantity,
                $"registers {start}..{start + quantity - 1} run past the last register address 65535");
        }
    }
}
