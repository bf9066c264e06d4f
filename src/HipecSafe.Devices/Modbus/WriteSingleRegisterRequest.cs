namespace HipecSafe.Devices.Modbus;

/// <summary>FC 0x06: write one holding register. The normal reply echoes the request.</summary>
public sealed record WriteSingleRegisterRequest : ModbusRequest
{
    public WriteSingleRegisterRequest(byte unit, ushort address, ushort value)
        : base(unit, ModbusFunctionCode.WriteSingleRegister)
    {
        Address = address;
        Value = value;
    }

    public ushort Address { get; }

    public ushort Value { get; }

    public override int ExpectedReplyLength => 8;

    public override byte[] Encode()
    {
        Span<byte> data = stackalloc byte[4];
        RtuFrame.PutWord(data, 0, Address);
        RtuFrame.PutWord(data, 2, Value);
        return RtuFrame.Build(Unit, (byte)Function, data);
    }
}
