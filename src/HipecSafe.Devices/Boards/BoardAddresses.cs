using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Boards;

/// <summary>Unit addresses of the two boards on the bus (docs/icd.md defaults: sensor board 1, actuator board 2).</summary>
public sealed record BoardAddresses
{
    public const byte DefaultSensorBoard = 1;
    public const byte DefaultActuatorBoard = 2;

    public BoardAddresses(byte sensorBoard = DefaultSensorBoard, byte actuatorBoard = DefaultActuatorBoard)
    {
        if (!ModbusLimits.IsUnitAddress(sensorBoard))
        {
            throw new ArgumentOutOfRangeException(nameof(sensorBoard), sensorBoard, "sensor board address must be 1..247");
        }

        if (!ModbusLimits.IsUnitAddress(actuatorBoard))
        {
            throw new ArgumentOutOfRangeException(nameof(actuatorBoard), actuatorBoard, "actuator board address must be 1..247");
        }

        if (sensorBoard == actuatorBoard)
        {
            throw new ArgumentException($"sensor and actuator boards cannot share unit address {sensorBoard}", nameof(actuatorBoard));
        }

        SensorBoard = sensorBoard;
        ActuatorBoard = actuatorBoard;
    }

    public static BoardAddresses Default { get; } = new();

    public byte SensorBoard { get; }

    public byte ActuatorBoard { get; }
}
