using System.Diagnostics.CodeAnalysis;

namespace HipecSafe.Devices.Modbus;

/// <summary>
/// Turns the registers of a protocol-valid reply into a domain value, or says what is wrong with them (naming the
/// register and value). A refusal counts as a <see cref="ModbusFailureKind.Malformed"/> failure of the transaction.
/// </summary>
public delegate bool ReplyInterpreter<T>(ushort[] registers, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error);
