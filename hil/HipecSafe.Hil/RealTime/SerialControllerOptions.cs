using HipecSafe.Core.Profile;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.RealTime;

/// <summary>How to run the controller in real time against the boards on a serial port.</summary>
public sealed record SerialControllerOptions(SerialPortOptions Port, TreatmentProfile Profile, string HazardLogPath)
{
    /// <summary>Modbus response timeout (shared/icd.md: 50 ms).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Names the device in the hazard log header.</summary>
    public string DeviceId { get; init; } = "hipecsafe";
}
