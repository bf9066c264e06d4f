namespace HipecSafe.Hil.Bus.Modbus;

/// <summary>What a slave has seen on its line. Nothing malformed is silently lost: each frame lands in one counter.</summary>
public sealed record ModbusSlaveStatistics(
    long FramesReceived,
    long RequestsAnswered,
    long ExceptionRepliesSent,
    long BroadcastsExecuted,
    long FramesForOtherUnits,
    long CrcErrors,
    long MalformedFrames,
    long BytesDiscarded,
    string? LastProblem);
