using HipecSafe.Devices.Modbus;

namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>Result of decoding a request frame on the slave side; <see cref="Detail"/> names the offending field.</summary>
public sealed record RequestDecoding(
    RequestDecodeOutcome Outcome,
    byte Unit,
    byte FunctionCode,
    ModbusRequest? Request,
    ModbusExceptionCode? Exception,
    string Detail);
