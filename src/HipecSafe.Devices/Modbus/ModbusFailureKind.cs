namespace HipecSafe.Devices.Modbus;

/// <summary>Why a Modbus transaction failed. Bus errors are values, never exceptions.</summary>
public enum ModbusFailureKind
{
    /// <summary>No byte of a reply arrived within the response timeout.</summary>
    Timeout,

    /// <summary>Some bytes arrived, but fewer than the expected frame length before the timeout.</summary>
    Truncated,

    /// <summary>A frame of the expected length arrived but its CRC does not match.</summary>
    CrcError,

    /// <summary>A valid frame arrived from a unit other than the one asked.</summary>
    WrongAddress,

    /// <summary>A valid frame arrived with a function code that is neither the request's nor its exception form.</summary>
    WrongFunction,

    /// <summary>A valid frame whose content contradicts the request (byte count, echoed address/value/quantity).</summary>
    Malformed,

    /// <summary>The unit answered with an exception reply (see <see cref="ModbusFailure.ExceptionCode"/>).</summary>
    ExceptionReply,

    /// <summary>The transport itself failed (port closed or unplugged); the request may not have been sent.</summary>
    TransportError,
}
