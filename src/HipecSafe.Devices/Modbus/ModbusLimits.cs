namespace HipecSafe.Devices.Modbus;

/// <summary>Protocol bounds from the Modbus Application Protocol spec and MODBUS over Serial Line V1.02.</summary>
public static class ModbusLimits
{
    /// <summary>Address 0 is broadcast: slaves execute writes and never reply.</summary>
    public const byte BroadcastAddress = 0;
    public const byte MinUnitAddress = 1;
    public const byte MaxUnitAddress = 247;

    /// <summary>FC 0x03 / 0x04 quantity limit (0x007D): a reply must fit a 256-byte RTU frame.</summary>
    public const int MaxReadQuantity = 125;

    /// <summary>FC 0x10 quantity limit (0x007B).</summary>
    public const int MaxWriteQuantity = 123;

    /// <summary>Largest RTU frame: address + 253-byte PDU + CRC.</summary>
    public const int MaxFrameLength = 256;

    /// <summary>Smallest meaningful RTU frame: address, function code, CRC.</summary>
    public const int MinFrameLength = 4;

    /// <summary>Exception reply: address, function | 0x80, exception code, CRC.</summary>
    public const int ExceptionReplyLength = 5;

    /// <summary>Bit set in the function code of an exception reply.</summary>
    public const byte ExceptionFlag = 0x80;

    public static bool IsUnitAddress(int address) => address is >= MinUnitAddress and <= MaxUnitAddress;
}
