using HipecSafe.Core.Profile;
using HipecSafe.Devices.Transport;

namespace HipecSafe.DeviceHost;

/// <summary>How to run the controller in real time against the boards on a serial port.</summary>
public sealed record SerialDeviceOptions(SerialPortOptions Port, TreatmentProfile Profile, string HazardLogPath)
{
    /// <summary>Modbus response timeout.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Names the device in the hazard log header.</summary>
    public string DeviceId { get; init; } = "hipecsafe";
}
