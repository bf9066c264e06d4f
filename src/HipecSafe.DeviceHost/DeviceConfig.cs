using HipecSafe.Devices.Transport;

namespace HipecSafe.DeviceHost;

/// <summary>
/// The device's configuration file (<c>/etc/hipecsafe/device.yaml</c> by default; see src/HipecSafe.Device/deploy/device.yaml): which
/// serial port the boards are on, which treatment profile to run, where hazard logs go, and the device's name in them.
/// </summary>
/// <param name="DeviceId">Names the device in each hazard log's header.</param>
/// <param name="Port">The boards' bus (docs/icd.md: 115200 baud, 8E1 by default).</param>
/// <param name="Profile">"default" (the embedded profile) or the path of a profile file.</param>
/// <param name="LogDirectory">Where each run's hazard log is written (one file per run).</param>
/// <param name="ResponseTimeout">The Modbus response timeout.</param>
public sealed record DeviceConfig(string DeviceId, SerialPortOptions Port, string Profile, string LogDirectory, TimeSpan ResponseTimeout)
{
    public const string DefaultPath = "/etc/hipecsafe/device.yaml";

    /// <summary>The shortest response timeout the Linux serial driver honours (shorter ones become 30 ms).</summary>
    public static readonly TimeSpan MinResponseTimeout = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// The longest allowed. A failed transaction takes two of them (the attempt and its retry, docs/icd.md §3), so at
    /// this value a single failed read already makes the cycle's bus work longer than the 100 ms period.
    /// </summary>
    public static readonly TimeSpan MaxResponseTimeout = TimeSpan.FromMilliseconds(100);
}
