namespace HipecSafe.Devices.Modbus;

/// <summary>The Modbus function codes this system uses (docs/icd.md); anything else is answered with exception 0x01.</summary>
public enum ModbusFunctionCode : byte
{
    ReadHoldingRegisters = 0x03,
    ReadInputRegisters = 0x04,
    WriteSingleRegister = 0x06,
    WriteMultipleRegisters = 0x10,
}
