using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;

namespace HipecSafe.Controller.Boards;

/// <summary>The boards over one Modbus RTU bus, through the typed board clients (three reads and one write a cycle).</summary>
public sealed class ModbusBoardPort(ModbusRtuMaster master) : IBoardPort
{
    private readonly SensorBoardClient _sensors = new(master);
    private readonly ActuatorBoardClient _actuators = new(master);

    public ModbusRtuMaster Master => master;

    public BoardReadout Read()
    {
        var frame = _sensors.Read();
        var feedback = _actuators.ReadFeedback();
        var held = _actuators.ReadHeld();
        return new BoardReadout(
            frame.IsSuccess ? frame.Value : null,
            frame.Failure?.ToString(),
            feedback.IsSuccess ? feedback.Value : null,
            feedback.Failure?.ToString(),
            held.IsSuccess ? held.Value : null,
            held.Failure?.ToString(),
            master.ConsecutiveFailuresOf(_sensors.Unit),
            master.ConsecutiveFailuresOf(_actuators.Unit));
    }

    public string? Write(ActuatorCommand command, ushort heartbeat) => _actuators.Write(command, heartbeat).Failure?.ToString();

    public string? ResetLatch() => _actuators.ResetLatch().Failure?.ToString();

    public string Describe() => string.Join("; ", master.AllStatistics().Select(s => string.Create(CultureInfo.InvariantCulture,
        $"unit {s.Unit}: {s.Transactions} transactions, {s.Failed} failed ({string.Join(", ", s.FailuresByKind.Select(kv => $"{kv.Key} {kv.Value}"))})")));
}
