using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;

namespace HipecSafe.Hil.Boards;

/// <summary>
/// The actuator board as a Modbus slave (shared/icd.md, slave 2): holding registers 0–5 take the controller's
/// command, heartbeat and latch reset; input registers 0–4 report status, actual heater power and pump speed, the
/// limiter temperature and the heartbeat echo. Values the board cannot take answer exception 0x03 and change nothing.
/// </summary>
public sealed class ActuatorBoardEmulator(ActuatorBoardLogic logic) : IModbusRegisterBank
{
    private readonly object _gate = new();
    private readonly ushort[] _holding = new ushort[ActuatorBoardRegisters.HoldingCount];
    private ushort[] _inputs = new ushort[5];

    public ActuatorBoardLogic Logic => logic;

    /// <summary>
    /// One board step, under the same lock as the Modbus side (in real time the bus thread writes concurrently):
    /// advances the protections, and returns what drives the plant.
    /// </summary>
    public Plant.PlantInputs Step(TimeSpan now, Core.Quantities.Temperature limiterTemperature)
    {
        lock (_gate)
        {
            logic.Step(now, limiterTemperature);
            return logic.Outputs();
        }
    }

    /// <summary>Publishes the board's input registers from the plant's state after its step.</summary>
    public void Publish(in Plant.PlantState plant)
    {
        lock (_gate)
        {
            _inputs = RegisterCodec.EncodeActuatorFeedback(logic.Feedback(plant));
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > _holding.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            _holding.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > _inputs.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            _inputs.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            if (startAddress + values.Length > _holding.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            for (var i = 0; i < values.Length; i++)
            {
                var register = (ushort)(startAddress + i);
                if (register == ActuatorBoardRegisters.LatchReset ? values[i] != ActuatorBoardRegisters.LatchResetKey
                    : RegisterCodec.CheckActuatorHoldingValue(register, values[i]) is not null)
                {
                    return ModbusExceptionCode.IllegalDataValue;
                }
            }

            values.CopyTo(_holding.AsSpan(startAddress));
            if (startAddress < ActuatorBoardRegisters.CommandCount)
            {
                var (command, heartbeat) = RegisterCodec.DecodeActuatorCommand(_holding.AsSpan(0, ActuatorBoardRegisters.CommandCount));
                logic.CommandWritten(command, heartbeat);
            }

            if (startAddress + values.Length > ActuatorBoardRegisters.LatchReset)
            {
                _holding[ActuatorBoardRegisters.LatchReset] = 0;
                logic.ResetLatch();
            }

            return null;
        }
    }
}
