using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.RealTime;

/// <summary>How to run the emulated boards in real time on a serial port (line settings default to docs/icd.md: 115200 8E1).</summary>
public sealed record RealTimeBoardsOptions(SerialPortOptions Port)
{
    /// <summary>Seed of the sensor noise and calibration offsets (the same derivation as the lockstep rig).</summary>
    public int Seed { get; init; } = 1;

    public PlantParameters Plant { get; init; } = PlantParameters.Default;

    public BoardAddresses Addresses { get; init; } = BoardAddresses.Default;
}
