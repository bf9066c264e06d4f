using HipecSafe.Core.Profile;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;

namespace HipecSafe.DeviceHost;

/// <summary>How to run the controller in real time against the boards on a serial port.</summary>
public sealed record SerialDeviceOptions(SerialPortOptions Port, TreatmentProfile Profile, string HazardLogPath)
{
    /// <summary>Modbus response timeout (docs/icd.md §3: 30 ms).</summary>
    public TimeSpan ResponseTimeout { get; init; } = ModbusMasterOptions.DefaultResponseTimeout;

    /// <summary>Names the device in the hazard log header.</summary>
    public string DeviceId { get; init; } = "hipecsafe";

    /// <summary>
    /// The wall clock the hazard log's UTC fields are read from (and the log writer's timer). Cycles and timers never
    /// use it: they run on the monotonic cycle clock.
    /// </summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The previous run's hazard log, when the device writes one log per run: checked when the new log is opened, and
    /// unless it is intact and sealed the new log's first record after its header says so (<see cref="PreviousRunLog"/>).
    /// </summary>
    public string? PreviousRunLog { get; init; }
}
