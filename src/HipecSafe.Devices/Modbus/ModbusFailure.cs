using System.Globalization;

namespace HipecSafe.Devices.Modbus;

/// <summary>A failed transaction: what kind, with which unit and function, and a detail naming the offending byte/value.</summary>
public sealed record ModbusFailure(
    ModbusFailureKind Kind,
    byte Unit,
    ModbusFunctionCode Function,
    string Detail,
    ModbusExceptionCode? ExceptionCode = null)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"unit {Unit} FC 0x{(byte)Function:X2}: {Kind}{(ExceptionCode is { } code ? $" 0x{(byte)code:X2} ({code})" : "")} — {Detail}");
}
