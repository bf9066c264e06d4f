namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>What a slave makes of one received frame.</summary>
public enum RequestDecodeOutcome
{
    /// <summary>A well-formed request of a supported function.</summary>
    Request,

    /// <summary>A valid frame the slave must answer with an exception (unsupported function, bad quantity/range).</summary>
    Refused,

    /// <summary>The CRC does not match: the frame is ignored (MODBUS over Serial Line §2.4.1).</summary>
    CrcError,

    /// <summary>Not a request that can be answered (too short/long, wrong length for its function, an exception reply, a reserved address): ignored.</summary>
    Malformed,
}
